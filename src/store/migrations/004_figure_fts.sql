-- Only figures are ever searched through facts_fts (/figures, and /summary's key figures). Indexing
-- every date, quote and claim sentence as well cost about a third of the time to store an article
-- and a few KB per article (measured with `npm run bench`), so the index now holds figures only.
DROP TRIGGER facts_ai;
DROP TRIGGER facts_ad;
DROP TABLE facts_fts;

CREATE VIRTUAL TABLE facts_fts USING fts5 (
  sentence, counted, event, attribution, content = 'facts', content_rowid = 'id', tokenize = 'porter unicode61'
);
INSERT INTO facts_fts (rowid, sentence, counted, event, attribution)
  SELECT id, sentence, counted, event, attribution FROM facts WHERE kind = 'figure';

CREATE TRIGGER facts_ai AFTER INSERT ON facts WHEN new.kind = 'figure' BEGIN
  INSERT INTO facts_fts (rowid, sentence, counted, event, attribution)
  VALUES (new.id, new.sentence, new.counted, new.event, new.attribution);
END;
-- A 'delete' must name a row the index holds, or the external-content index is corrupted.
CREATE TRIGGER facts_ad AFTER DELETE ON facts WHEN old.kind = 'figure' BEGIN
  INSERT INTO facts_fts (facts_fts, rowid, sentence, counted, event, attribution)
  VALUES ('delete', old.id, old.sentence, old.counted, old.event, old.attribution);
END;
