-- model: ml_training_set
-- reads: silver.ratings, gold.dim_products, gold.dim_customers
-- Ratings joined to product and customer attributes: the recommender's training rows.
SELECT
  r.customer_number,
  r.product_code,
  r.rating,
  dp.product_line,
  dp.product_scale,
  dp.product_vendor,
  dp.msrp,
  dc.credit_limit
FROM silver.ratings AS r
JOIN gold.dim_products AS dp ON dp.product_code = r.product_code
JOIN gold.dim_customers AS dc ON dc.customer_number = r.customer_number
