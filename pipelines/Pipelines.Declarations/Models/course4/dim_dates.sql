-- model: dim_dates
-- reads: silver.orders
-- One row per day from the first to the last order date: a spine of day numbers, added to the first day.
SELECT
  CAST(date_diff('day', DATE '1970-01-01', d) AS bigint) AS date_key,
  d AS calendar_date,
  year(d) AS year,
  quarter(d) AS quarter,
  month(d) AS month,
  day(d) AS day_of_month
FROM (
  SELECT CAST(bounds.first_day + n * INTERVAL '1' DAY AS date) AS d
  FROM (SELECT min(order_date) AS first_day, max(order_date) AS last_day FROM silver.orders) AS bounds
  CROSS JOIN UNNEST(sequence(0, date_diff('day', bounds.first_day, bounds.last_day))) AS spine(n)
) AS days
