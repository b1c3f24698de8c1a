-- model: ratings_per_product
-- reads: silver.ratings
-- materialized: merge on product_code
-- columns: product_code string, average_rating double, ratings bigint
-- Average rating and number of ratings per product, kept by MERGE INTO on the product.
SELECT
  product_code,
  avg(CAST(rating AS double)) AS average_rating,
  count(*) AS ratings
FROM silver.ratings
GROUP BY product_code
