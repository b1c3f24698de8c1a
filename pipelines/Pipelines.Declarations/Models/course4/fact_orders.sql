-- model: fact_orders
-- reads: silver.orderdetails, silver.orders, gold.dim_customers, gold.dim_products, gold.dim_dates, gold.dim_employees
-- One row per order line with surrogate keys to every dimension; the sales representative is the customer's.
SELECT
  d.order_number,
  d.order_line_number,
  dd.date_key AS order_date_key,
  dc.customer_key,
  dp.product_key,
  de.employee_key,
  d.quantity_ordered,
  d.price_each,
  d.quantity_ordered * d.price_each AS amount
FROM silver.orderdetails AS d
JOIN silver.orders AS o ON o.order_number = d.order_number
JOIN gold.dim_customers AS dc ON dc.customer_number = o.customer_number
JOIN gold.dim_products AS dp ON dp.product_code = d.product_code
JOIN gold.dim_dates AS dd ON dd.calendar_date = o.order_date
LEFT JOIN gold.dim_employees AS de ON de.employee_number = dc.sales_rep_employee_number
