-- model: orders_3nf
-- reads: gold.orders_2nf
-- Third normal form: customer attributes depend on customer_number, not on the order: they move out.
SELECT order_number, order_date, status, customer_number FROM gold.orders_2nf
