-- model: annual_sales_per_office
-- reads: gold.fact_orders, gold.dim_dates, gold.dim_employees, gold.dim_offices
-- materialized: view
-- A view: always current, computed at query time (the materialized tables trade that for speed).
SELECT o.city AS office, dd.year, sum(f.amount) AS sales
FROM gold.fact_orders AS f
JOIN gold.dim_dates AS dd ON dd.date_key = f.order_date_key
JOIN gold.dim_employees AS e ON e.employee_key = f.employee_key
JOIN gold.dim_offices AS o ON o.office_key = e.office_key
GROUP BY o.city, dd.year
