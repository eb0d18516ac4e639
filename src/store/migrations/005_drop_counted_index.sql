-- No query looks facts up by (kind, counted_key): figures are found through facts_fts and grouped
-- in code. The index only cost a B-tree insert at a random position for every stored fact (about
-- 45 per article), which `npm run bench` showed as a measurable share of the time to store one.
DROP INDEX IF EXISTS facts_kind_counted;

-- facts_fts is filled by FactRepo.insertAll with one INSERT … SELECT per article instead of a
-- trigger: the trigger ran a sub-program for each of the ~45 facts of an article (figure or not),
-- which cost more than indexing the ~15 figures themselves. The delete trigger stays, so removing
-- or re-extracting an article still takes its figures out of the index.
DROP TRIGGER IF EXISTS facts_ai;
