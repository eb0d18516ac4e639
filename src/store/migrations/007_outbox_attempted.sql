-- When a delivery was last handed to its platform. A row with this set and no sent_at was in
-- flight when the bot stopped (or failed without a clear answer); after the platform's nonce
-- window a resend first looks in the channel for the message.
ALTER TABLE outbox ADD COLUMN attempted_at TEXT;
