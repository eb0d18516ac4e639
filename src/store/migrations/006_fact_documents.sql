-- An article's facts become two JSON documents, its figures and the rest (src/store/factdoc.ts has
-- the layout), instead of ~45 rows of `facts`. Facts are written all at once when an article is
-- stored and only read back per article, so the rows bought nothing, and writing them (each
-- repeating its sentence) was over half the time to store an article (npm run bench). The figure index goes too: /figures finds its
-- candidates through the articles that match (articles_fts), whose figures it reads from these
-- documents, and indexing every figure sentence a second time was another ~6% of ingest.
CREATE TABLE article_facts (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  -- Figures first: /figures reads only this column, and SQLite then stops before the other's pages.
  figures TEXT,
  others TEXT
);

-- Positions in each fact's array follow the facts table's columns; hedged/negated become 1 or null.
-- Each document holds the sentences of its own facts.
INSERT INTO article_facts (article_id, figures, others)
SELECT f.article_id,
  CASE WHEN count(*) FILTER (WHERE f.kind = 'figure') > 0 THEN json_object(
    's', json((SELECT json_group_object(g.sentence_index, g.sentence)
               FROM (SELECT sentence_index, min(sentence) AS sentence FROM facts
                     WHERE article_id = f.article_id AND kind = 'figure' GROUP BY sentence_index) g)),
    'f', json_group_array(json_array(f.kind, f.sentence_index, f.raw, f.body, f.value, f.value_high, f.unit, f.qualifier, f.counted,
      f.counted_key, f.event, f.ref_date, f.period_start, f.period_end, f.attribution, f.speaker, f.stance, f.subject_key,
      nullif(f.hedged, 0), nullif(f.negated, 0)) ORDER BY f.id) FILTER (WHERE f.kind = 'figure')
  ) END,
  CASE WHEN count(*) FILTER (WHERE f.kind <> 'figure') > 0 THEN json_object(
    's', json((SELECT json_group_object(g.sentence_index, g.sentence)
               FROM (SELECT sentence_index, min(sentence) AS sentence FROM facts
                     WHERE article_id = f.article_id AND kind <> 'figure' GROUP BY sentence_index) g)),
    'f', json_group_array(json_array(f.kind, f.sentence_index, f.raw, f.body, f.value, f.value_high, f.unit, f.qualifier, f.counted,
      f.counted_key, f.event, f.ref_date, f.period_start, f.period_end, f.attribution, f.speaker, f.stance, f.subject_key,
      nullif(f.hedged, 0), nullif(f.negated, 0)) ORDER BY f.id) FILTER (WHERE f.kind <> 'figure')
  ) END
FROM facts f
GROUP BY f.article_id;

DROP TRIGGER IF EXISTS facts_ai;
DROP TRIGGER IF EXISTS facts_ad;
DROP TABLE facts_fts;
DROP TABLE facts;
