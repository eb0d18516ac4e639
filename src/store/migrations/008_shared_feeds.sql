-- One fetch and one extraction per feed, however many servers follow it. `feeds` holds the fetch
-- side (address, validators, health, back-off); `sources` becomes a server's follow of a feed; and
-- articles, with their facts, belong to the feed. Sources of different servers naming the same feed
-- are folded into one feed here. Each server keeps its source numbers, subscriptions, digests and
-- outbox rows; an outbox row pointing at a copy of an article that is folded away is pointed at the
-- copy that stays, dedupe key included, so nothing already sent can be sent again.

-- Which feed each old source becomes. Sources with the same address and user agent share one,
-- numbered as the lowest of their source ids; a local file, or an address with a user name or
-- password in it, stays its own server's (private_to names the server).
CREATE TEMP TABLE fold_source AS
SELECT s.id AS source_id, s.url, coalesce(s.user_agent, '') AS ua,
  CASE WHEN s.kind = 'file' OR (
    instr(s.url, '://') > 0 AND instr(substr(s.url, instr(s.url, '://') + 3), '@') > 0 AND (
      instr(substr(s.url, instr(s.url, '://') + 3), '/') = 0 OR
      instr(substr(s.url, instr(s.url, '://') + 3), '@') < instr(substr(s.url, instr(s.url, '://') + 3), '/')))
  THEN s.tenant ELSE '' END AS private_to,
  0 AS feed_id
FROM sources s;
CREATE INDEX temp.fold_source_key ON fold_source (url, ua, private_to);
UPDATE fold_source SET feed_id = (
  SELECT min(b.source_id) FROM fold_source b WHERE b.url = fold_source.url AND b.ua = fold_source.ua AND b.private_to = fold_source.private_to);

CREATE TABLE feeds (
  id INTEGER PRIMARY KEY,
  -- The address fetched, as its first follower gave it.
  url TEXT NOT NULL,
  -- What followers are matched on: the normalised address (the plain address for feeds from before).
  url_key TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'url' CHECK (kind IN ('url', 'file')),
  -- '' for the bot's own; another user agent may be answered differently, so it is another feed.
  user_agent TEXT NOT NULL DEFAULT '',
  -- '' when any server may share the feed, else the one server it belongs to. Empty strings rather
  -- than NULLs, so the UNIQUE below holds in SQLite and PostgreSQL alike.
  private_to TEXT NOT NULL DEFAULT '',
  title TEXT,
  site_url TEXT,
  etag TEXT,
  last_modified TEXT,
  created_at TEXT NOT NULL,
  last_polled_at TEXT,
  last_success_at TEXT,
  last_error TEXT,
  last_error_at TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  failing_since TEXT,
  next_poll_at TEXT,
  paused_at TEXT,
  pause_notified INTEGER NOT NULL DEFAULT 0,
  first_poll_done INTEGER NOT NULL DEFAULT 0,
  UNIQUE (url_key, user_agent, private_to)
);

-- A folded feed takes its fetch state from the member polled most recently: its validators match
-- the newest content any follower saw.
INSERT INTO feeds (id, url, url_key, kind, user_agent, private_to, title, site_url, etag, last_modified, created_at,
  last_polled_at, last_success_at, last_error, last_error_at, consecutive_failures, failing_since, next_poll_at,
  paused_at, pause_notified, first_poll_done)
SELECT g.feed_id, s.url, s.url, s.kind, g.ua, g.private_to,
  coalesce(s.title, (SELECT m.title FROM sources m JOIN fold_source b ON b.source_id = m.id WHERE b.feed_id = g.feed_id AND m.title IS NOT NULL ORDER BY m.id LIMIT 1)),
  s.site_url, s.etag, s.last_modified,
  (SELECT min(m.added_at) FROM sources m JOIN fold_source b ON b.source_id = m.id WHERE b.feed_id = g.feed_id),
  s.last_polled_at, s.last_success_at, s.last_error, s.last_error_at, s.consecutive_failures, s.failing_since, s.next_poll_at,
  s.paused_at, s.pause_notified,
  (SELECT max(m.first_poll_done) FROM sources m JOIN fold_source b ON b.source_id = m.id WHERE b.feed_id = g.feed_id)
FROM (SELECT DISTINCT feed_id, ua, private_to FROM fold_source) g
JOIN sources s ON s.id = (
  SELECT m.id FROM sources m JOIN fold_source b ON b.source_id = m.id WHERE b.feed_id = g.feed_id
  ORDER BY m.last_polled_at IS NULL, m.last_polled_at DESC, m.id LIMIT 1);

-- Copies of one article in folded feeds: the same guid, else the same link, else the same title and
-- body (the rules the poller itself uses), and the oldest copy stays.
CREATE TEMP TABLE fold_article AS
SELECT a.id, g.feed_id, a.guid, a.url_norm, a.title_hash, a.content_hash, 0 AS keep_id
FROM articles a JOIN fold_source g ON g.source_id = a.source_id
WHERE g.feed_id IN (SELECT feed_id FROM fold_source GROUP BY feed_id HAVING count(*) > 1);
CREATE INDEX temp.fold_article_guid ON fold_article (feed_id, guid);
CREATE INDEX temp.fold_article_url ON fold_article (feed_id, url_norm);
CREATE INDEX temp.fold_article_hash ON fold_article (feed_id, title_hash, content_hash);
CREATE UNIQUE INDEX temp.fold_article_id ON fold_article (id);
UPDATE fold_article SET keep_id = CASE
  WHEN guid IS NOT NULL THEN (SELECT min(b.id) FROM fold_article b WHERE b.feed_id = fold_article.feed_id AND b.guid = fold_article.guid)
  WHEN url_norm IS NOT NULL THEN (SELECT min(b.id) FROM fold_article b WHERE b.feed_id = fold_article.feed_id AND b.url_norm = fold_article.url_norm)
  ELSE (SELECT min(b.id) FROM fold_article b WHERE b.feed_id = fold_article.feed_id AND b.title_hash = fold_article.title_hash AND b.content_hash = fold_article.content_hash)
END;
-- A copy matched by link may itself be folded into an older copy with its guid: follow it there.
UPDATE fold_article SET keep_id = (SELECT b.keep_id FROM fold_article b WHERE b.id = fold_article.keep_id);

-- The copy that stays counts as stored when the first copy was, so no server's digest shows it again.
UPDATE articles SET fetched_at = (
  SELECT min(c.fetched_at) FROM articles c JOIN fold_article d ON d.id = c.id WHERE d.keep_id = articles.id)
WHERE id IN (SELECT keep_id FROM fold_article);

-- A server follows a feed at most once, so one subscription never has rows for two copies of an article.
UPDATE outbox SET
  dedupe_key = CASE WHEN kind = 'update'
    THEN 'update:' || subscription_id || ':' || (SELECT d.keep_id FROM fold_article d WHERE d.id = outbox.article_id)
    ELSE dedupe_key END,
  article_id = (SELECT d.keep_id FROM fold_article d WHERE d.id = outbox.article_id)
WHERE article_id IN (SELECT id FROM fold_article WHERE keep_id <> id);
DELETE FROM article_facts WHERE article_id IN (SELECT id FROM fold_article WHERE keep_id <> id);
-- The delete trigger takes these copies out of the full-text index too.
DELETE FROM articles WHERE id IN (SELECT id FROM fold_article WHERE keep_id <> id);

-- Articles rebuilt to belong to feeds, ids unchanged, so article_facts, the outbox and the full-text
-- index (keyed by rowid) stay valid. Two copies with one link but different guids can both stay, so
-- the link is indexed but no longer unique; the poller matches guid, then link, before inserting.
CREATE TABLE articles_by_feed (
  id INTEGER PRIMARY KEY,
  feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
  guid TEXT,
  url TEXT,
  url_norm TEXT,
  title TEXT NOT NULL,
  author TEXT,
  published_at TEXT NOT NULL,
  fetched_at TEXT NOT NULL,
  updated_at TEXT,
  teaser TEXT,
  text TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  title_hash TEXT NOT NULL,
  full_text_fetched INTEGER NOT NULL DEFAULT 0,
  topics TEXT NOT NULL DEFAULT '',
  -- The feed as one full-text token ('f12'), so a search can be narrowed to a server's feeds.
  feed_key TEXT GENERATED ALWAYS AS ('f' || feed_id) VIRTUAL,
  UNIQUE (feed_id, guid)
);
INSERT INTO articles_by_feed (id, feed_id, guid, url, url_norm, title, author, published_at, fetched_at, updated_at, teaser, text,
  content_hash, title_hash, full_text_fetched, topics)
SELECT a.id, g.feed_id, a.guid, a.url, a.url_norm, a.title, a.author, a.published_at, a.fetched_at, a.updated_at, a.teaser, a.text,
  a.content_hash, a.title_hash, a.full_text_fetched, a.topics
FROM articles a JOIN fold_source g ON g.source_id = a.source_id;
DROP TABLE articles;
ALTER TABLE articles_by_feed RENAME TO articles;
CREATE INDEX articles_published ON articles (published_at);
CREATE INDEX articles_feed_url ON articles (feed_id, url_norm);
CREATE INDEX articles_feed_title ON articles (feed_id, title_hash, content_hash);
-- Digests list a server's articles stored since a moment, feed by followed feed.
CREATE INDEX articles_feed_fetched ON articles (feed_id, fetched_at);

-- The full-text index gains the feed as a column. A server following a few feeds of a store shared
-- by many then finds its own matches directly (MATCH … AND feed_key : (f3 OR f9 …)) instead of
-- walking everyone's newest matches and dropping most (src/store/search.ts). Re-indexing takes
-- about a minute per 100,000 articles, once.
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5 (
  title, text, feed_key, content = 'articles', content_rowid = 'id', tokenize = 'porter unicode61'
);
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, text, feed_key) VALUES (new.id, new.title, new.text, 'f' || new.feed_id);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text, feed_key) VALUES ('delete', old.id, old.title, old.text, 'f' || old.feed_id);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text, feed_key) VALUES ('delete', old.id, old.title, old.text, 'f' || old.feed_id);
  INSERT INTO articles_fts (rowid, title, text, feed_key) VALUES (new.id, new.title, new.text, 'f' || new.feed_id);
END;

-- A source is now one server's follow of a feed. Its id is the number the server already knows.
-- first_poll_done is the follow's own: whether its first announcements (the newest few) were queued.
-- No cascade from feeds: a feed is removed only once nobody follows it.
CREATE TABLE follows (
  id INTEGER PRIMARY KEY,
  tenant TEXT NOT NULL,
  feed_id INTEGER NOT NULL REFERENCES feeds(id),
  interval_minutes INTEGER NOT NULL DEFAULT 10 CHECK (interval_minutes >= 1),
  added_at TEXT NOT NULL,
  added_by TEXT,
  first_poll_done INTEGER NOT NULL DEFAULT 0,
  UNIQUE (tenant, feed_id)
);
INSERT INTO follows (id, tenant, feed_id, interval_minutes, added_at, added_by, first_poll_done)
SELECT s.id, s.tenant, g.feed_id, s.interval_minutes, s.added_at, s.added_by, s.first_poll_done
FROM sources s JOIN fold_source g ON g.source_id = s.id;
DROP TABLE sources;
ALTER TABLE follows RENAME TO sources;
-- A new article fans out to every follower of its feed.
CREATE INDEX sources_feed ON sources (feed_id);

DROP TABLE fold_article;
DROP TABLE fold_source;
