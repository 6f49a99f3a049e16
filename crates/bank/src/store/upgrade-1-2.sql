-- Brings a store of format 1 (one shared key) to format 2 (key slots, and audit
-- entries that carry the rows they changed). Runs inside the migration's transaction.
ALTER TABLE users ADD COLUMN slot TEXT;
ALTER TABLE audit ADD COLUMN changes TEXT;
ALTER TABLE audit ADD COLUMN state TEXT;
UPDATE meta SET value = '2' WHERE key = 'version';
