-- model: orders_1nf
-- reads: silver.orders, silver.orderdetails, silver.customers, silver.products
-- First normal form: atomic values, one row per order line, key (order_number, product_code); still redundant.
SELECT
  o.order_number,
  d.product_code,
  d.order_line_number,
  o.order_date,
  o.status,
  c.customer_number,
  c.customer_name,
  c.city,
  c.country,
  p.product_name,
  p.product_line,
  d.quantity_ordered,
  d.price_each
FROM silver.orderdetails AS d
JOIN silver.orders AS o ON o.order_number = d.order_number
JOIN silver.customers AS c ON c.customer_number = o.customer_number
JOIN silver.products AS p ON p.product_code = d.product_code
