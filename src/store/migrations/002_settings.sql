-- Small key/value facts about this installation (e.g. whether the sample feed was loaded once).
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
