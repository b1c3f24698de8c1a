-- model: dim_artists
-- reads: silver.artists
-- Capstone: artists of the music service.
SELECT
  row_number() OVER (ORDER BY artist_id) AS artist_key,
  artist_id, artist_name, country
FROM silver.artists
