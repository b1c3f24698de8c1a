-- model: avg_sales_per_product_line
-- reads: gold.fact_orders, gold.dim_products
-- materialized: view
SELECT p.product_line, avg(f.amount) AS average_sale, count(*) AS order_lines
FROM gold.fact_orders AS f
JOIN gold.dim_products AS p ON p.product_key = f.product_key
GROUP BY p.product_line
