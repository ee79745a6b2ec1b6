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

-- The defaults every new database seeds are the same records everywhere: their uid comes from their kind and key
-- (the first 32 hex characters of SHA-256 of `cadence:default:KIND:KEY`, as `domain::catalogue::default_uid` makes it).
-- A row the defaults put here earlier takes it, unless a row of its kind already has it.
UPDATE categories SET uid = 'ab473396f4fe433c26d45edb99f25a18' WHERE key = 'open-communication' AND NOT EXISTS (SELECT 1 FROM categories WHERE uid = 'ab473396f4fe433c26d45edb99f25a18');
UPDATE categories SET uid = '08c5622626c405f877110d62724c4d24' WHERE key = 'visible-participation' AND NOT EXISTS (SELECT 1 FROM categories WHERE uid = '08c5622626c405f877110d62724c4d24');
UPDATE categories SET uid = '6e56b34fa8ae66c54af08aad78b3c0db' WHERE key = 'follow-up' AND NOT EXISTS (SELECT 1 FROM categories WHERE uid = '6e56b34fa8ae66c54af08aad78b3c0db');
UPDATE channels SET uid = 'e97bba5e5990a7e4f847452b80ee073e' WHERE key = 'town-hall' AND NOT EXISTS (SELECT 1 FROM channels WHERE uid = 'e97bba5e5990a7e4f847452b80ee073e');
UPDATE channels SET uid = '256470ba97bbda5823d35e11b947e991' WHERE key = 'internal-social' AND NOT EXISTS (SELECT 1 FROM channels WHERE uid = '256470ba97bbda5823d35e11b947e991');
UPDATE channels SET uid = 'd90aa309c2b57bdf455618e716b1b33a' WHERE key = 'blog' AND NOT EXISTS (SELECT 1 FROM channels WHERE uid = 'd90aa309c2b57bdf455618e716b1b33a');
UPDATE channels SET uid = '3aa13a169e8b256c6bff418c3cee964c' WHERE key = 'walk-around' AND NOT EXISTS (SELECT 1 FROM channels WHERE uid = '3aa13a169e8b256c6bff418c3cee964c');
UPDATE channels SET uid = 'e3d650bd1e0efa271d683349367efe4d' WHERE key = 'team-meeting' AND NOT EXISTS (SELECT 1 FROM channels WHERE uid = 'e3d650bd1e0efa271d683349367efe4d');
UPDATE channels SET uid = 'ff791bbdd333410036785de54ae21aa5' WHERE key = 'one-on-one' AND NOT EXISTS (SELECT 1 FROM channels WHERE uid = 'ff791bbdd333410036785de54ae21aa5');
UPDATE channels SET uid = '6522a382032090a391e4d53ef5158366' WHERE key = 'email' AND NOT EXISTS (SELECT 1 FROM channels WHERE uid = '6522a382032090a391e4d53ef5158366');
UPDATE channels SET uid = 'e22ba642a67b7e702f12570664d39aed' WHERE key = 'customer-visit' AND NOT EXISTS (SELECT 1 FROM channels WHERE uid = 'e22ba642a67b7e702f12570664d39aed');
UPDATE channels SET uid = '66b54a7ab2f8ef160b5822ed72c044a0' WHERE key = 'social-media' AND NOT EXISTS (SELECT 1 FROM channels WHERE uid = '66b54a7ab2f8ef160b5822ed72c044a0');
UPDATE layers SET uid = '575b54feffcbd4ebab00ed43161019f2' WHERE key = 'board' AND NOT EXISTS (SELECT 1 FROM layers WHERE uid = '575b54feffcbd4ebab00ed43161019f2');
UPDATE layers SET uid = 'eee3fb864f1383217fa371e2be3e4aed' WHERE key = 'senior-management' AND NOT EXISTS (SELECT 1 FROM layers WHERE uid = 'eee3fb864f1383217fa371e2be3e4aed');
UPDATE layers SET uid = 'a49e6a9adbb9e3f159507f4c413697d2' WHERE key = 'middle-management' AND NOT EXISTS (SELECT 1 FROM layers WHERE uid = 'a49e6a9adbb9e3f159507f4c413697d2');
UPDATE layers SET uid = '530e2a1912612257fbd20cccc7fd6526' WHERE key = 'team-lead' AND NOT EXISTS (SELECT 1 FROM layers WHERE uid = '530e2a1912612257fbd20cccc7fd6526');
UPDATE layers SET uid = 'ba9ef50780d68098dadeb66cf3f594cb' WHERE key = 'staff' AND NOT EXISTS (SELECT 1 FROM layers WHERE uid = 'ba9ef50780d68098dadeb66cf3f594cb');
