-- tenant_matches (migration 002), the search every answer runs, made cheaper; same signature,
-- same rows in the same order, and migration 002's settings for its reasons.
--
-- * The tenant test ran on every match in a window before the newest max_rows were kept: about
--   1,000 tests for the 400 rows a broad topic's answer keeps at 100k articles, and 400 for a
--   headline search keeping 10. Now the window's matches are sorted newest first (their ids
--   only: far cheaper than a test each) and tested one by one until max_rows are found.
-- * The first window spans 32 times max_rows, not 16: a second window searches the whole GIN
--   index again (3 to 10 ms for a broad topic at 100k articles), while a window twice as wide
--   costs about 1 ms more. A topic found in 1 article in 32 now fills an answer in one window
--   (at 16, one in 16 was needed; 13 of the bench's 20 topics are in about 1 in 20).
-- * The query is parsed once: written inline, to_tsquery ran again for every row the index could
--   not settle alone (phrases), each time parsing and stemming the whole topic.
CREATE OR REPLACE FUNCTION tenant_matches(query text, titles_only boolean, tenant_id text, max_rows integer)
RETURNS SETOF bigint
LANGUAGE plpgsql STABLE
ROWS 100
SET enable_seqscan = off
SET enable_indexscan = on
SET max_parallel_workers_per_gather = 0
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
  newest bigint;
  span bigint := greatest(max_rows::bigint * 32, 4096);
  found bigint[];
  q tsquery := to_tsquery('english', query);
BEGIN
  SELECT max(id) INTO newest FROM articles;
  IF newest IS NULL OR max_rows <= 0 THEN RETURN; END IF;
  PERFORM set_config('enable_indexscan', 'off', true);
  LOOP
    -- OFFSET 0 keeps the window's sorted matches a subquery of their own, so the tenant test is a
    -- semi-join on the already sorted rows that the LIMIT stops early, not a filter on all of them.
    IF titles_only THEN
      SELECT array_agg(k.id ORDER BY k.id DESC) INTO found FROM (
        SELECT w.id FROM (
          SELECT a.id, a.feed_id FROM articles a
          WHERE a.title_search @@ q AND a.id > newest - span
          ORDER BY a.id DESC OFFSET 0) w
        WHERE EXISTS (SELECT 1 FROM sources s WHERE s.feed_id = w.feed_id AND s.tenant = tenant_id)
        ORDER BY w.id DESC LIMIT max_rows) k;
    ELSE
      SELECT array_agg(k.id ORDER BY k.id DESC) INTO found FROM (
        SELECT w.id FROM (
          SELECT a.id, a.feed_id FROM articles a
          WHERE a.search @@ q AND a.id > newest - span
          ORDER BY a.id DESC OFFSET 0) w
        WHERE EXISTS (SELECT 1 FROM sources s WHERE s.feed_id = w.feed_id AND s.tenant = tenant_id)
        ORDER BY w.id DESC LIMIT max_rows) k;
    END IF;
    EXIT WHEN coalesce(cardinality(found), 0) >= max_rows OR newest - span < 1;
    span := span * least(64, greatest(2, ceil(1.5 * max_rows / greatest(coalesce(cardinality(found), 0), 1))::bigint));
  END LOOP;
  RETURN QUERY SELECT unnest(found);
END
$$;
