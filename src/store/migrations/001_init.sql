-- Sources: one row per feed a tenant (Discord guild, Slack team, or 'local') follows.
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  tenant TEXT NOT NULL DEFAULT 'local',
  url TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'url' CHECK (kind IN ('url', 'file')),
  title TEXT,
  site_url TEXT,
  interval_minutes INTEGER NOT NULL DEFAULT 10 CHECK (interval_minutes >= 1),
  user_agent TEXT,
  etag TEXT,
  last_modified TEXT,
  added_at TEXT NOT NULL,
  added_by TEXT,
  last_polled_at TEXT,
  last_success_at TEXT,
  last_error TEXT,
  last_error_at TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  next_poll_at TEXT,
  paused_at TEXT,
  pause_notified INTEGER NOT NULL DEFAULT 0,
  first_poll_done INTEGER NOT NULL DEFAULT 0,
  UNIQUE (tenant, url)
);

CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
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
  UNIQUE (source_id, guid),
  UNIQUE (source_id, url_norm)
);
CREATE INDEX articles_published ON articles (published_at);
CREATE INDEX articles_source_title ON articles (source_id, title_hash, content_hash);

CREATE TABLE facts (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('figure', 'date', 'quote', 'claim')),
  sentence_index INTEGER NOT NULL,
  sentence TEXT NOT NULL,
  raw TEXT,
  body TEXT,
  value REAL,
  value_high REAL,
  unit TEXT,
  qualifier TEXT,
  counted TEXT,
  counted_key TEXT,
  event TEXT,
  ref_date TEXT,
  period_start TEXT,
  period_end TEXT,
  attribution TEXT,
  speaker TEXT,
  stance TEXT,
  subject_key TEXT,
  hedged INTEGER NOT NULL DEFAULT 0,
  negated INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX facts_article ON facts (article_id);
CREATE INDEX facts_kind_counted ON facts (kind, counted_key);

-- Full-text indexes (porter stemming) kept in sync by triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
  title, text, content = 'articles', content_rowid = 'id', tokenize = 'porter unicode61'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE VIRTUAL TABLE facts_fts USING fts5 (
  sentence, counted, event, attribution, content = 'facts', content_rowid = 'id', tokenize = 'porter unicode61'
);
CREATE TRIGGER facts_ai AFTER INSERT ON facts BEGIN
  INSERT INTO facts_fts (rowid, sentence, counted, event, attribution)
  VALUES (new.id, new.sentence, new.counted, new.event, new.attribution);
END;
CREATE TRIGGER facts_ad AFTER DELETE ON facts BEGIN
  INSERT INTO facts_fts (facts_fts, rowid, sentence, counted, event, attribution)
  VALUES ('delete', old.id, old.sentence, old.counted, old.event, old.attribution);
END;

-- A channel that receives new items (and optionally digests) from its tenant's sources.
CREATE TABLE subscriptions (
  id INTEGER PRIMARY KEY,
  tenant TEXT NOT NULL,
  platform TEXT NOT NULL,
  channel TEXT NOT NULL,
  include_terms TEXT NOT NULL DEFAULT '[]',
  exclude_terms TEXT NOT NULL DEFAULT '[]',
  digest_cron TEXT,
  digest_tz TEXT NOT NULL DEFAULT 'UTC',
  last_digest_at TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT,
  disabled_at TEXT,
  disabled_reason TEXT,
  UNIQUE (tenant, platform, channel)
);

-- Deliveries are written in the same transaction as what causes them and drained by a sender;
-- dedupe_key makes "one delivery per (subscription, article)" and "one digest per slot" hold.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
  article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('update', 'digest', 'notice')),
  dedupe_key TEXT NOT NULL UNIQUE,
  payload TEXT,
  created_at TEXT NOT NULL,
  not_before TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  sent_at TEXT,
  failed_at TEXT
);
CREATE INDEX outbox_pending ON outbox (sent_at, failed_at, not_before);
