-- model: ml_features
-- reads: gold.fact_orders, gold.dim_customers
-- Per customer: spend and orders, standardized, min-max scaled and bucketed, and the country one-hot.
WITH spend AS (
  SELECT c.customer_number, c.country, c.credit_limit,
         sum(f.amount) AS total_spend, count(DISTINCT f.order_number) AS orders
  FROM gold.fact_orders AS f
  JOIN gold.dim_customers AS c ON c.customer_key = f.customer_key
  GROUP BY c.customer_number, c.country, c.credit_limit
),
stats AS (
  SELECT avg(total_spend) AS mean_spend, stddev_samp(total_spend) AS sd_spend,
         min(credit_limit) AS min_credit, max(credit_limit) AS max_credit
  FROM spend
)
SELECT
  s.customer_number,
  s.total_spend,
  s.orders,
  CAST((s.total_spend - stats.mean_spend) / stats.sd_spend AS double) AS spend_standardized,
  CAST(CASE WHEN stats.max_credit = stats.min_credit THEN 0 ELSE (s.credit_limit - stats.min_credit) / (stats.max_credit - stats.min_credit) END AS double) AS credit_scaled,
  CASE WHEN s.orders >= 5 THEN 'frequent' WHEN s.orders >= 2 THEN 'returning' ELSE 'single' END AS order_bucket,
  CASE WHEN s.country = 'USA' THEN 1 ELSE 0 END AS country_usa,
  CASE WHEN s.country = 'France' THEN 1 ELSE 0 END AS country_france,
  CASE WHEN s.country NOT IN ('USA', 'France') THEN 1 ELSE 0 END AS country_other
FROM spend AS s
CROSS JOIN stats
