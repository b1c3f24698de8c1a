-- model: fact_session
-- reads: silver.listening_sessions, gold.dim_users, gold.dim_songs
-- One row per item listened to in a session (silver already exploded the sessions).
SELECT
  ls.session_id,
  ls.item_index,
  ls.started_at,
  u.user_key,
  s.song_key,
  s.artist_key,
  ls.price,
  ls.liked,
  ls.liked_since
FROM silver.listening_sessions AS ls
JOIN gold.dim_users AS u ON u.user_id = ls.user_id
JOIN gold.dim_songs AS s ON s.song_id = ls.song_id
