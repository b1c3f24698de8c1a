-- model: dim_offices
-- reads: silver.offices
SELECT
  row_number() OVER (ORDER BY office_code) AS office_key,
  office_code, city, state, country, postal_code, territory
FROM silver.offices
