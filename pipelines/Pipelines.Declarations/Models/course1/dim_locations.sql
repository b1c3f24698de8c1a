-- model: dim_locations
-- reads: silver.customers
-- Every distinct place customers are in.
SELECT
  row_number() OVER (ORDER BY country, state, city, postal_code) AS location_key,
  city,
  state,
  postal_code,
  country
FROM (SELECT DISTINCT city, state, postal_code, country FROM silver.customers) AS places
