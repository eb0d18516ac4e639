-- Answers in one round trip per search, at a cost that does not depend on the planner's mood.

-- Headlines on their own: a title search against the weighted `search` vector has to re-read every
-- candidate's whole vector (the GIN index keeps no weights), thousands of them for a broad topic at
-- 100k articles; this small vector answers it from its own index.
ALTER TABLE articles ADD COLUMN title_search tsvector GENERATED ALWAYS AS (to_tsvector('english', title)) STORED;
CREATE INDEX articles_title_search ON articles USING gin (title_search);

-- A tenant's newest articles matching a tsquery, newest stored first, as FTS5 walks its index on
-- SQLite. The GIN index yields every match at once, and reading each match's row to test its feed
-- and sort it cost 15 ms for a broad topic's 5,000 matches at 100k articles; so the search looks at
-- a window of the newest articles first (the index's matches ANDed with an id range, 300 rows read
-- instead of 3,600) and widens it, by as much as the matches found so far say it must (at least
-- double, at most 64 times), until it has max_rows or has looked at everything.
-- Sequential and plain index scans are off for the windows (the SET clauses restore both when the
-- function returns): with a broad topic's many OR'd terms the planner overestimates the matches and
-- reads every article's vector instead, or walks the primary key testing each one (50 to 170 ms),
-- where the bitmap scans take 1 to 6. No parallel workers: starting one cost more than the search.
-- One generic plan per connection: planning a twenty-term tsquery afresh cost 2 to 4 ms a window.
-- ROWS tells the caller's planner it gets an answer's few hundred ids, not the default thousand,
-- so it looks them up by key instead of hashing the whole articles table.
CREATE FUNCTION tenant_matches(query text, titles_only boolean, tenant_id text, max_rows integer)
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
  span bigint := greatest(max_rows::bigint * 16, 4096);
  found bigint[];
BEGIN
  SELECT max(id) INTO newest FROM articles;
  IF newest IS NULL OR max_rows <= 0 THEN RETURN; END IF;
  PERFORM set_config('enable_indexscan', 'off', true);
  LOOP
    IF titles_only THEN
      SELECT array_agg(w.id ORDER BY w.id DESC) INTO found FROM (
        SELECT a.id FROM articles a
        WHERE a.title_search @@ to_tsquery('english', query) AND a.id > newest - span
          AND EXISTS (SELECT 1 FROM sources s WHERE s.feed_id = a.feed_id AND s.tenant = tenant_id)
        ORDER BY a.id DESC LIMIT max_rows) w;
    ELSE
      SELECT array_agg(w.id ORDER BY w.id DESC) INTO found FROM (
        SELECT a.id FROM articles a
        WHERE a.search @@ to_tsquery('english', query) AND a.id > newest - span
          AND EXISTS (SELECT 1 FROM sources s WHERE s.feed_id = a.feed_id AND s.tenant = tenant_id)
        ORDER BY a.id DESC LIMIT max_rows) w;
    END IF;
    EXIT WHEN coalesce(cardinality(found), 0) >= max_rows OR newest - span < 1;
    span := span * least(64, greatest(2, ceil(1.5 * max_rows / greatest(coalesce(cardinality(found), 0), 1))::bigint));
  END LOOP;
  RETURN QUERY SELECT unnest(found);
END
$$;

-- The figures document as text beside the jsonb one it is generated from: an answer reads its
-- documents as text (the decoder and the documents' cheap word test read text, as on SQLite), and
-- turning jsonb back into text cost 10 ms for the 128 documents an answer reads first at 100k
-- articles, against 5 for reading stored text. The jsonb stays the document queries look inside.
ALTER TABLE article_facts ADD COLUMN figures_text text GENERATED ALWAYS AS (figures::text) STORED;
