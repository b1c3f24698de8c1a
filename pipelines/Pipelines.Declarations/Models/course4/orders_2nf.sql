-- model: orders_2nf
-- reads: gold.orders_1nf
-- Depends on order_number alone; customer attributes still ride along (a transitive dependency).
SELECT DISTINCT order_number, order_date, status, customer_number, customer_name, city, country FROM gold.orders_1nf
