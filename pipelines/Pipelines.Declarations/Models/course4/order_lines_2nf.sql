-- model: order_lines_2nf
-- reads: gold.orders_1nf
-- Second normal form: what depends on the whole key (order_number, product_code) stays here.
SELECT DISTINCT order_number, product_code, order_line_number, quantity_ordered, price_each FROM gold.orders_1nf
