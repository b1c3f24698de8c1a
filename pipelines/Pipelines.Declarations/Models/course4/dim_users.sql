-- model: dim_users
-- reads: silver.users
-- The location arrives as one "City, Country" string: split into its parts.
SELECT
  row_number() OVER (ORDER BY user_id) AS user_key,
  user_id, user_name,
  trim(split_part(location, ',', 1)) AS city,
  trim(split_part(location, ',', 2)) AS country,
  created_at
FROM silver.users
