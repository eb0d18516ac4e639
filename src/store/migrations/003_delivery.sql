-- When each subscription's next digest is due (computed from its cron and time zone), so a
-- restart neither skips nor repeats a slot: the slot is read from here, not from wall time.
ALTER TABLE subscriptions ADD COLUMN next_digest_at TEXT;
-- Start of the current failure streak; the pause rule ("a day of failures") counts from it.
ALTER TABLE sources ADD COLUMN failing_since TEXT;
CREATE INDEX outbox_subscription ON outbox (subscription_id, sent_at);
