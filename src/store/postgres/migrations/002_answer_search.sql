-- Answers in one round trip per search, at a cost that does not depend on the planner's mood.

-- Headlines on their own: a title search against the weighted `search` vector has to re-read every
-- candidate's whole vector (the GIN index keeps no weights), thousands of them for a broad topic at
-- 100k articles; this small vector answers it from its own index.
ALTER TABLE articles ADD COLUMN title_search tsvector GENERATED ALWAYS AS (to_tsvector('english', title)) STORED;
CREATE INDEX articles_title_search ON articles USING gin (title_search);

-- A tenant's newest articles matching a tsquery, newest stored first (as FTS5 walks its index on
-- SQLite). The matches come from the full-text index, always: with a broad topic's many OR'd terms
-- the planner overestimates the matches and reads every article's vector instead (22 ms at 2,000
-- articles, against 1 ms through the index), so sequential scans are off inside. One generic plan
-- per connection: planning a twenty-term tsquery afresh cost 3 to 7 ms a search. ROWS tells the
-- caller's planner it gets an answer's few hundred ids, not the default thousand, so it looks
-- them up by key instead of hashing the whole articles table (70 ms at 35k articles).
CREATE FUNCTION tenant_matches(query text, titles_only boolean, tenant_id text, max_rows integer)
RETURNS TABLE (article_id bigint)
LANGUAGE plpgsql STABLE
ROWS 100
SET enable_seqscan = off
SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
  IF titles_only THEN
    RETURN QUERY
      WITH m AS MATERIALIZED (SELECT a.id, a.feed_id FROM articles a WHERE a.title_search @@ to_tsquery('english', query))
      SELECT m.id FROM m WHERE EXISTS (SELECT 1 FROM sources s WHERE s.feed_id = m.feed_id AND s.tenant = tenant_id)
      ORDER BY m.id DESC LIMIT max_rows;
  ELSE
    RETURN QUERY
      WITH m AS MATERIALIZED (SELECT a.id, a.feed_id FROM articles a WHERE a.search @@ to_tsquery('english', query))
      SELECT m.id FROM m WHERE EXISTS (SELECT 1 FROM sources s WHERE s.feed_id = m.feed_id AND s.tenant = tenant_id)
      ORDER BY m.id DESC LIMIT max_rows;
  END IF;
END
$$;

