-- What belongs to this device, not to the organisation's data: the language, the quick-log shortcut, which
-- person is "me" here, and the device's own id (a random 64-bit number in hex, made once per file, for the
-- versions of the changes made here). A sync never sends this table; `settings` keeps what is shared.
-- A copy of the file moved to another machine keeps the id: Cadence Team gives a copy its own id on first
-- connection (#13).
CREATE TABLE device_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
INSERT INTO device_settings (key, value)
    SELECT key, value FROM settings WHERE key IN ('locale', 'quicklog_shortcut', 'self_person_id');
DELETE FROM settings WHERE key IN ('locale', 'quicklog_shortcut', 'self_person_id');
INSERT INTO device_settings (key, value) VALUES ('device_id', lower(hex(randomblob(8))));
