-- model: dim_songs
-- reads: silver.songs, gold.dim_artists
SELECT
  row_number() OVER (ORDER BY s.song_id) AS song_key,
  s.song_id, s.title, s.release_year, s.price,
  a.artist_key
FROM silver.songs AS s
JOIN gold.dim_artists AS a ON a.artist_id = s.artist_id
