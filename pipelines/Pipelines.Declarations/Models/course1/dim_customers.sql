-- model: dim_customers
-- reads: silver.customers
-- Customers, one row each, with a surrogate key numbered by customer number.
SELECT
  row_number() OVER (ORDER BY c.customer_number) AS customer_key,
  c.customer_number,
  c.customer_name,
  c.contact_first_name,
  c.contact_last_name,
  c.phone,
  c.credit_limit
FROM silver.customers AS c
