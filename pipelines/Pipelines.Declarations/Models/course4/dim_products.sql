-- model: dim_products
-- reads: silver.products
SELECT
  row_number() OVER (ORDER BY product_code) AS product_key,
  product_code, product_name, product_line, product_scale, product_vendor, buy_price, msrp
FROM silver.products
