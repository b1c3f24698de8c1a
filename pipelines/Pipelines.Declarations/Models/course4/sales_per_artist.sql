-- model: sales_per_artist
-- reads: gold.fact_session, gold.dim_artists
-- materialized: view
SELECT a.artist_name, sum(f.price) AS sales, count(*) AS plays
FROM gold.fact_session AS f
JOIN gold.dim_artists AS a ON a.artist_key = f.artist_key
GROUP BY a.artist_name
