-- Schema version 3: stable ids for records that travel between databases (export and import).
-- A uid is 32 hex characters, random at creation; imports match on it, so importing the same file twice
-- adds nothing the second time.

ALTER TABLE actions ADD COLUMN uid TEXT;
UPDATE actions SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
CREATE UNIQUE INDEX actions_uid ON actions(uid);

ALTER TABLE followups ADD COLUMN uid TEXT;
UPDATE followups SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
CREATE UNIQUE INDEX followups_uid ON followups(uid);

ALTER TABLE reminder_rules ADD COLUMN uid TEXT;
UPDATE reminder_rules SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
CREATE UNIQUE INDEX reminder_rules_uid ON reminder_rules(uid);

ALTER TABLE absences ADD COLUMN uid TEXT;
UPDATE absences SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
CREATE UNIQUE INDEX absences_uid ON absences(uid);
