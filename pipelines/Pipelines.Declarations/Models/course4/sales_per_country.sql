-- model: sales_per_country
-- reads: gold.fact_orders, gold.dim_customers
-- materialized: view
SELECT c.country, sum(f.amount) AS sales
FROM gold.fact_orders AS f
JOIN gold.dim_customers AS c ON c.customer_key = f.customer_key
GROUP BY c.country
