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

-- AUTOINCREMENT: an id is never reused, so undoing a delete can restore the action under its own id.
CREATE TABLE actions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id   INTEGER NOT NULL REFERENCES people(id),
    category_id INTEGER NOT NULL REFERENCES categories(id),
    occurred_at INTEGER NOT NULL,
    local_date  TEXT NOT NULL CHECK (local_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    tz          TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    channel_id  INTEGER REFERENCES channels(id),
    logged_by   INTEGER REFERENCES people(id),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) STRICT;
-- Covering index: per-day, per-category and per-channel statistics read only this index.
CREATE INDEX actions_person_day ON actions(person_id, local_date, category_id, channel_id);

-- Link tables repeat the action's person and local date so that "last contact with this audience" and
-- "how often this value was served" are index look-ups, not scans over every action.
CREATE TABLE action_layers (
    action_id  INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    layer_id   INTEGER NOT NULL REFERENCES layers(id),
    person_id  INTEGER NOT NULL REFERENCES people(id),
    local_date TEXT NOT NULL,
    PRIMARY KEY (action_id, layer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX action_layers_person ON action_layers(person_id, layer_id, local_date);

CREATE TABLE action_units (
    action_id  INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    unit_id    INTEGER NOT NULL REFERENCES units(id),
    person_id  INTEGER NOT NULL REFERENCES people(id),
    local_date TEXT NOT NULL,
    PRIMARY KEY (action_id, unit_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX action_units_person ON action_units(person_id, unit_id, local_date);

CREATE TABLE action_values (
    action_id  INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    value_id   INTEGER NOT NULL REFERENCES value_items(id),
    person_id  INTEGER NOT NULL REFERENCES people(id),
    local_date TEXT NOT NULL,
    PRIMARY KEY (action_id, value_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX action_values_person ON action_values(person_id, value_id, local_date);

-- Deleted actions wait here (as JSON of their row and links) until undo restores them.
CREATE TABLE deleted_actions (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL,
    payload    TEXT NOT NULL,
    deleted_at INTEGER NOT NULL
) STRICT;

-- "N per week" (default) or "N per working day", per person and category.
CREATE TABLE targets (
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    category_id INTEGER NOT NULL REFERENCES categories(id),
    times       INTEGER NOT NULL CHECK (times BETWEEN 1 AND 100),
    per         TEXT NOT NULL CHECK (per IN ('week', 'day')),
    PRIMARY KEY (person_id, category_id)
) STRICT, WITHOUT ROWID;

-- Planned absence (holiday, travel, sick) over inclusive local dates.
CREATE TABLE absences (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    from_date TEXT NOT NULL,
    to_date   TEXT NOT NULL,
    reason    TEXT NOT NULL DEFAULT '',
    CHECK (from_date <= to_date)
) STRICT;
CREATE INDEX absences_person ON absences(person_id, from_date);
