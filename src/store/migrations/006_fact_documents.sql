-- An article's facts become one JSON document (src/store/factdoc.ts has its layout) instead of ~45
-- rows of `facts`. Facts are written all at once when an article is stored and only read back per
-- article, so the rows bought nothing, and writing them (each repeating its sentence) was over half
-- the time to store an article (npm run bench). Figures stay searchable through figures_fts, a
-- contentless index whose rowid is articleId × 65536 + the fact's position in the document.
CREATE TABLE article_facts (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  doc TEXT NOT NULL
);

-- Positions in each fact's array follow the facts table's columns; hedged/negated become 1 or null.
INSERT INTO article_facts (article_id, doc)
SELECT f.article_id,
  json_object(
    's', json((SELECT json_group_object(g.sentence_index, g.sentence)
               FROM (SELECT sentence_index, min(sentence) AS sentence FROM facts WHERE article_id = f.article_id GROUP BY sentence_index) g)),
    'f', json_group_array(json_array(f.kind, f.sentence_index, f.raw, f.body, f.value, f.value_high, f.unit, f.qualifier, f.counted,
      f.counted_key, f.event, f.ref_date, f.period_start, f.period_end, f.attribution, f.speaker, f.stance, f.subject_key,
      nullif(f.hedged, 0), nullif(f.negated, 0)) ORDER BY f.sentence_index, f.id)
  )
FROM facts f
GROUP BY f.article_id;

DROP TRIGGER IF EXISTS facts_ai;
DROP TRIGGER IF EXISTS facts_ad;
DROP TABLE facts_fts;
DROP TABLE facts;

-- contentless_delete lets a figure be removed by rowid alone, without the text it was indexed from.
CREATE VIRTUAL TABLE figures_fts USING fts5 (
  sentence, counted, event, attribution, content = '', contentless_delete = 1, tokenize = 'porter unicode61'
);
INSERT INTO figures_fts (rowid, sentence, counted, event, attribution)
SELECT d.article_id * 65536 + j.key, d.doc -> '$.s' ->> CAST(j.value ->> 1 AS TEXT), j.value ->> 8, j.value ->> 10, j.value ->> 14
FROM article_facts d, json_each(d.doc, '$.f') j
WHERE j.value ->> 0 = 'figure';

-- Deleting an article (or replacing its facts) takes its figures out of the index, one rowid each:
-- a rowid range on a contentless index is a scan of the whole index.
CREATE TRIGGER article_facts_ad AFTER DELETE ON article_facts BEGIN
  DELETE FROM figures_fts WHERE rowid IN (
    SELECT old.article_id * 65536 + j.key FROM json_each(old.doc, '$.f') j WHERE j.value ->> 0 = 'figure'
  );
END;
