-- model: dim_customers
-- reads: silver.customers
SELECT
  row_number() OVER (ORDER BY customer_number) AS customer_key,
  customer_number, customer_name, city, state, country, credit_limit, sales_rep_employee_number
FROM silver.customers
