-- model: customers_3nf
-- reads: gold.orders_2nf
SELECT DISTINCT customer_number, customer_name, city, country FROM gold.orders_2nf
