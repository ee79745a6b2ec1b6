-- Schema version 1: the organisation's catalogue, people and their logged actions.
-- Instants are UTC milliseconds since the epoch; calendar days are ISO `YYYY-MM-DD` text in their own column.

PRAGMA application_id = 1128549955; -- "CDNC": marks the file as a Cadence database.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE layers (
    id       INTEGER PRIMARY KEY,
    key      TEXT NOT NULL UNIQUE,
    label    TEXT NOT NULL,
    rank     INTEGER NOT NULL DEFAULT 0,
    archived INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE units (
    id       INTEGER PRIMARY KEY,
    key      TEXT NOT NULL UNIQUE,
    label    TEXT NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE categories (
    id       INTEGER PRIMARY KEY,
    key      TEXT NOT NULL UNIQUE,
    label    TEXT NOT NULL,
    colour   TEXT NOT NULL,
    rank     INTEGER NOT NULL DEFAULT 0,
    archived INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE channels (
    id       INTEGER PRIMARY KEY,
    key      TEXT NOT NULL UNIQUE,
    label    TEXT NOT NULL,
    external INTEGER NOT NULL DEFAULT 0,
    archived INTEGER NOT NULL DEFAULT 0
) STRICT;

-- A channel scoped to units is meant for those units only; no rows means "for everyone".
CREATE TABLE channel_units (
    channel_id INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    unit_id    INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    PRIMARY KEY (channel_id, unit_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE value_items (
    id       INTEGER PRIMARY KEY,
    key      TEXT NOT NULL UNIQUE,
    label    TEXT NOT NULL,
    kind     TEXT NOT NULL DEFAULT 'value' CHECK (kind IN ('value', 'theme')),
    archived INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE people (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL DEFAULT '',
    layer_id     INTEGER REFERENCES layers(id),
    unit_id      INTEGER REFERENCES units(id),
    tz           TEXT NOT NULL,
    -- Bit 0 = Monday ... bit 6 = Sunday.
    working_days INTEGER NOT NULL DEFAULT 31 CHECK (working_days BETWEEN 0 AND 127),
    -- Minutes after local midnight at which this person's day starts (0 = midnight).
    day_start    INTEGER NOT NULL DEFAULT 0 CHECK (day_start BETWEEN 0 AND 720),
    created_at   INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX people_name ON people(name COLLATE NOCASE);

CREATE TABLE actions (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES people(id),
    category_id INTEGER NOT NULL REFERENCES categories(id),
    occurred_at INTEGER NOT NULL,
    local_date  TEXT NOT NULL CHECK (local_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    tz          TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    channel_id  INTEGER REFERENCES channels(id),
    logged_by   INTEGER REFERENCES people(id),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    -- Set by delete, cleared by undo; deleted rows are invisible everywhere else.
    deleted_at  INTEGER
) STRICT;
CREATE INDEX actions_person_date ON actions(person_id, local_date) WHERE deleted_at IS NULL;

CREATE TABLE action_layers (
    action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    layer_id  INTEGER NOT NULL REFERENCES layers(id),
    PRIMARY KEY (action_id, layer_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE action_units (
    action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    unit_id   INTEGER NOT NULL REFERENCES units(id),
    PRIMARY KEY (action_id, unit_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE action_values (
    action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    value_id  INTEGER NOT NULL REFERENCES value_items(id),
    PRIMARY KEY (action_id, value_id)
) STRICT, WITHOUT ROWID;
