-- model: dim_products
-- reads: silver.products, silver.productlines
-- Products with their product line's description.
SELECT
  row_number() OVER (ORDER BY p.product_code) AS product_key,
  p.product_code,
  p.product_name,
  p.product_line,
  l.text_description AS product_line_description,
  p.product_scale,
  p.product_vendor,
  p.buy_price,
  p.msrp
FROM silver.products AS p
LEFT JOIN silver.productlines AS l ON l.product_line = p.product_line
