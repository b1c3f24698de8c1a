-- model: sales_per_country_materialized
-- reads: gold.fact_orders, gold.dim_customers
-- materialized: refreshed
-- The "materialized" twin of the sales_per_country view: a CTAS table, fast to query, stale from the
-- moment its sources change until the next refresh (GoldRunner.Refresh, the pipeline's refresh step).
SELECT c.country, sum(f.amount) AS sales
FROM gold.fact_orders AS f
JOIN gold.dim_customers AS c ON c.customer_key = f.customer_key
GROUP BY c.country
