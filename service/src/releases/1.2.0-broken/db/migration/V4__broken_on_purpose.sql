-- Release 1.2.0-broken (local mode's failed-migration example): fails on purpose, so the MigrationJob fails
-- and the CloudRunService keeps serving the previous release.
ALTER TABLE no_such_table ADD COLUMN broken INT;
