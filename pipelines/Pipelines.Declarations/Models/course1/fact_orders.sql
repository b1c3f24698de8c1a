-- model: fact_orders
-- reads: silver.orders, silver.orderdetails, silver.customers, gold.dim_customers, gold.dim_products, gold.dim_locations
-- One row per order line; amount = quantity x price. Keys point at the dimensions' surrogate keys.
SELECT
  d.order_number,
  d.order_line_number,
  o.order_date,
  o.status,
  dc.customer_key,
  dp.product_key,
  dl.location_key,
  d.quantity_ordered,
  d.price_each,
  d.quantity_ordered * d.price_each AS amount
FROM silver.orderdetails AS d
JOIN silver.orders AS o ON o.order_number = d.order_number
JOIN silver.customers AS c ON c.customer_number = o.customer_number
JOIN gold.dim_customers AS dc ON dc.customer_number = c.customer_number
JOIN gold.dim_products AS dp ON dp.product_code = d.product_code
JOIN gold.dim_locations AS dl
  ON dl.country = c.country
 AND dl.city = c.city
 AND coalesce(dl.state, '') = coalesce(c.state, '')
 AND coalesce(dl.postal_code, '') = coalesce(c.postal_code, '')
