-- Release 1.1.0 (local mode's upgrade example): an additive, backward-compatible change, so 1.0.0 keeps
-- working against the migrated schema while the gated rollout moves traffic.
ALTER TABLE users ADD COLUMN last_login_at DATETIME(6) NULL;
