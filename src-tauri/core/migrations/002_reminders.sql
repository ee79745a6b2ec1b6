-- Schema version 2: follow-ups (commitments), reminder rules and their occurrences.

-- "I promised to ..." with a due date; closing one logs a follow-up action linked here.
CREATE TABLE followups (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id         INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    text              TEXT NOT NULL,
    due_date          TEXT NOT NULL,
    from_action_id    INTEGER REFERENCES actions(id) ON DELETE SET NULL,
    created_at        INTEGER NOT NULL,
    closed_at         INTEGER,
    closed_date       TEXT,
    closing_action_id INTEGER REFERENCES actions(id) ON DELETE SET NULL
) STRICT;
CREATE INDEX followups_open ON followups(person_id, closed_at, due_date);

CREATE TABLE reminder_rules (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    -- Who made the rule: the leader themself or their assistant.
    created_by  INTEGER REFERENCES people(id) ON DELETE SET NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('checkin', 'silence', 'score-drop', 'streak-risk', 'followup-due')),
    -- Local wall time HH:MM in the person's zone.
    at_time     TEXT NOT NULL DEFAULT '09:00',
    -- Bit 0 = Monday; NULL means the person's working days.
    weekdays    INTEGER CHECK (weekdays BETWEEN 1 AND 127),
    category_id INTEGER REFERENCES categories(id),
    after_days  INTEGER CHECK (after_days BETWEEN 1 AND 365),
    threshold   REAL CHECK (threshold BETWEEN 0 AND 1),
    drop_points REAL CHECK (drop_points BETWEEN 0 AND 1),
    min_streak  INTEGER CHECK (min_streak BETWEEN 1 AND 10000),
    -- Quiet hours as HH:MM; a reminder due inside them waits until they end.
    quiet_from  TEXT,
    quiet_to    TEXT,
    paused      INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX reminder_rules_person ON reminder_rules(person_id);

-- Each fired occurrence once, under a unique key, so nothing fires twice, across restarts too.
CREATE TABLE reminder_occurrences (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    rule_id       INTEGER NOT NULL REFERENCES reminder_rules(id) ON DELETE CASCADE,
    occurrence    TEXT NOT NULL,
    person_id     INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    category      TEXT,
    followup_id   INTEGER,
    fire_at       INTEGER NOT NULL,
    fired_at      INTEGER NOT NULL,
    late          INTEGER NOT NULL DEFAULT 0,
    state         TEXT NOT NULL DEFAULT 'fired' CHECK (state IN ('fired', 'snoozed', 'dismissed', 'acted')),
    snoozed_until INTEGER,
    -- Set when a snoozed occurrence comes back; the notification is sent again.
    refired_at    INTEGER,
    seen          INTEGER NOT NULL DEFAULT 0,
    title         TEXT NOT NULL,
    body          TEXT NOT NULL,
    UNIQUE (rule_id, occurrence)
) STRICT;
CREATE INDEX reminder_occurrences_state ON reminder_occurrences(state, snoozed_until);
