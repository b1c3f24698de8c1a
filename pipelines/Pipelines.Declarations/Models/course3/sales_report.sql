-- model: sales_report
-- reads: silver.orders, silver.orderdetails
-- materialized: merge on order_year, order_month
-- columns: order_year bigint, order_month bigint, revenue decimal(38,2), orders bigint
-- Revenue per month, kept up to date by MERGE INTO on (year, month): an Iceberg table in Athena.
SELECT
  year(o.order_date) AS order_year,
  month(o.order_date) AS order_month,
  sum(d.quantity_ordered * d.price_each) AS revenue,
  count(DISTINCT o.order_number) AS orders
FROM silver.orders AS o
JOIN silver.orderdetails AS d ON d.order_number = o.order_number
GROUP BY year(o.order_date), month(o.order_date)
