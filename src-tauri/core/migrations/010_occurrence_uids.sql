-- Schema version 10: a fired reminder occurrence is a record that travels like the others (#12.2), with a uid
-- of its own, random, made once; one inserted without it gets one from the trigger. An import finds it by uid,
-- and an occurrence from a document without uids by its rule and key, as before.
ALTER TABLE reminder_occurrences ADD COLUMN uid TEXT;
UPDATE reminder_occurrences SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
CREATE UNIQUE INDEX reminder_occurrences_uid ON reminder_occurrences(uid);
CREATE TRIGGER reminder_occurrences_uid AFTER INSERT ON reminder_occurrences WHEN NEW.uid IS NULL BEGIN
    UPDATE reminder_occurrences SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;
