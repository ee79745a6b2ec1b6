-- Schema version 8: every record that can travel has a uid (#12.2), not only actions, follow-ups, rules and
-- absences (v3): people, the catalogue (categories, channels, layers, units, values) and targets. A uid is 32
-- random hex characters made once; an import that brings one keeps it, so every copy of a record has the same
-- uid. A record inserted without one (by any path) gets one from the trigger of its table.

ALTER TABLE people ADD COLUMN uid TEXT;
UPDATE people SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
CREATE UNIQUE INDEX people_uid ON people(uid);
CREATE TRIGGER people_uid AFTER INSERT ON people WHEN NEW.uid IS NULL BEGIN
    UPDATE people SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;

ALTER TABLE categories ADD COLUMN uid TEXT;
UPDATE categories SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
CREATE UNIQUE INDEX categories_uid ON categories(uid);
CREATE TRIGGER categories_uid AFTER INSERT ON categories WHEN NEW.uid IS NULL BEGIN
    UPDATE categories SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;

ALTER TABLE channels ADD COLUMN uid TEXT;
UPDATE channels SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
CREATE UNIQUE INDEX channels_uid ON channels(uid);
CREATE TRIGGER channels_uid AFTER INSERT ON channels WHEN NEW.uid IS NULL BEGIN
    UPDATE channels SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;

ALTER TABLE layers ADD COLUMN uid TEXT;
UPDATE layers SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
CREATE UNIQUE INDEX layers_uid ON layers(uid);
CREATE TRIGGER layers_uid AFTER INSERT ON layers WHEN NEW.uid IS NULL BEGIN
    UPDATE layers SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;

ALTER TABLE units ADD COLUMN uid TEXT;
UPDATE units SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
CREATE UNIQUE INDEX units_uid ON units(uid);
CREATE TRIGGER units_uid AFTER INSERT ON units WHEN NEW.uid IS NULL BEGIN
    UPDATE units SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;

ALTER TABLE value_items ADD COLUMN uid TEXT;
UPDATE value_items SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
CREATE UNIQUE INDEX value_items_uid ON value_items(uid);
CREATE TRIGGER value_items_uid AFTER INSERT ON value_items WHEN NEW.uid IS NULL BEGIN
    UPDATE value_items SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;

ALTER TABLE targets ADD COLUMN uid TEXT;
UPDATE targets SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
CREATE UNIQUE INDEX targets_uid ON targets(uid);
CREATE TRIGGER targets_uid AFTER INSERT ON targets WHEN NEW.uid IS NULL BEGIN
    UPDATE targets SET uid = lower(hex(randomblob(16))) WHERE person_id = NEW.person_id AND category_id = NEW.category_id;
END;
