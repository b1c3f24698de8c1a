-- model: products_2nf
-- reads: gold.orders_1nf
-- Depends on product_code alone.
SELECT DISTINCT product_code, product_name, product_line FROM gold.orders_1nf
