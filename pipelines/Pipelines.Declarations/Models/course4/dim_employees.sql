-- model: dim_employees
-- reads: silver.employees, gold.dim_offices
SELECT
  row_number() OVER (ORDER BY e.employee_number) AS employee_key,
  e.employee_number, e.first_name, e.last_name, e.job_title, e.reports_to,
  o.office_key
FROM silver.employees AS e
JOIN gold.dim_offices AS o ON o.office_code = e.office_code
