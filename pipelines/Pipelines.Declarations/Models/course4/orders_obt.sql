-- model: orders_obt
-- reads: silver.orders, silver.orderdetails, silver.customers
-- The one big table the lesson starts from: one row per order, its lines as arrays (repeating groups: not 1NF).
SELECT
  o.order_number,
  o.order_date,
  o.status,
  c.customer_number,
  c.customer_name,
  c.city,
  c.country,
  array_agg(d.product_code ORDER BY d.order_line_number) AS product_codes,
  array_agg(d.quantity_ordered ORDER BY d.order_line_number) AS quantities,
  array_agg(d.price_each ORDER BY d.order_line_number) AS prices
FROM silver.orders AS o
JOIN silver.customers AS c ON c.customer_number = o.customer_number
JOIN silver.orderdetails AS d ON d.order_number = o.order_number
GROUP BY o.order_number, o.order_date, o.status, c.customer_number, c.customer_name, c.city, c.country
