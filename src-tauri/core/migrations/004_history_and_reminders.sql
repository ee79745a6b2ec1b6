-- Schema version 4: rhythm and targets carry the date from which they apply, so changing them today never
-- rewrites past streaks, scores and reviews; reminder rules may fall by more than one point; occurrences a
-- catch-up passed over are recorded as missed.

-- A person's working days and day start from `from_date` (a local date) until the next row. Dates before the
-- first row use the first row; a person without rows uses people.working_days and people.day_start.
CREATE TABLE rhythm_history (
    person_id    INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    from_date    TEXT NOT NULL,
    working_days INTEGER NOT NULL CHECK (working_days BETWEEN 0 AND 127),
    day_start    INTEGER NOT NULL CHECK (day_start BETWEEN 0 AND 720),
    PRIMARY KEY (person_id, from_date)
) STRICT, WITHOUT ROWID;

-- A target from `from_date` until the next row; times and per NULL: the category's default applied.
CREATE TABLE target_history (
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    category_id INTEGER NOT NULL REFERENCES categories(id),
    from_date   TEXT NOT NULL,
    times       INTEGER CHECK (times BETWEEN 1 AND 100),
    per         TEXT CHECK (per IN ('week', 'day')),
    PRIMARY KEY (person_id, category_id, from_date)
) STRICT, WITHOUT ROWID;

-- drop_points was checked as a fraction (0..1) while every caller stores points (0..100): any fall of more
-- than one point could not be saved. SQLite cannot change a CHECK in place and rebuilding reminder_rules would
-- cascade into its occurrences, so the points move to a column with the right check.
ALTER TABLE reminder_rules ADD COLUMN drop_pts REAL CHECK (drop_pts > 0 AND drop_pts <= 100);
UPDATE reminder_rules SET drop_pts = drop_points WHERE drop_points > 0;
UPDATE reminder_rules SET drop_points = NULL;

-- When a rule was last made, edited or resumed (NULL: when it was created): it never fires for an earlier time.
ALTER TABLE reminder_rules ADD COLUMN active_from INTEGER;

-- An occurrence a catch-up passed over (an older one of the same rule): stored so it never fires later.
ALTER TABLE reminder_occurrences ADD COLUMN missed INTEGER NOT NULL DEFAULT 0;

-- A revision per person's actions (scope = person id) and one for everything else a score depends on
-- (scope 0: targets, rhythm, absences, people, categories), kept by triggers. The reminder engine asks for
-- everyone's score every 30 seconds; it recomputes only the people whose revision moved.
CREATE TABLE stats_revisions (
    scope INTEGER PRIMARY KEY,
    rev   INTEGER NOT NULL
) STRICT;
CREATE TRIGGER stats_rev_action_insert AFTER INSERT ON actions BEGIN
    INSERT INTO stats_revisions (scope, rev) VALUES (NEW.person_id, 1) ON CONFLICT(scope) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER stats_rev_action_update AFTER UPDATE ON actions BEGIN
    INSERT INTO stats_revisions (scope, rev) VALUES (OLD.person_id, 1) ON CONFLICT(scope) DO UPDATE SET rev = rev + 1;
    INSERT INTO stats_revisions (scope, rev) VALUES (NEW.person_id, 1) ON CONFLICT(scope) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER stats_rev_action_delete AFTER DELETE ON actions BEGIN
    INSERT INTO stats_revisions (scope, rev) VALUES (OLD.person_id, 1) ON CONFLICT(scope) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER stats_rev_targets_insert AFTER INSERT ON targets BEGIN
    INSERT INTO stats_revisions (scope, rev) VALUES (0, 1) ON CONFLICT(scope) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER stats_rev_targets_update AFTER UPDATE ON targets BEGIN
    INSERT INTO stats_revisions (scope, rev) VALUES (0, 1) ON CONFLICT(scope) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER stats_rev_targets_delete AFTER DELETE ON targets BEGIN
    INSERT INTO stats_revisions (scope, rev) VALUES (0, 1) ON CONFLICT(scope) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER stats_rev_target_history_insert AFTER INSERT ON target_history BEGIN
    INSERT INTO stats_revisions (scope, rev) VALUES (0, 1) ON CONFLICT(scope) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER stats_rev_target_history_update AFTER UPDATE ON target_history BEGIN
    INSERT INTO stats_revisions (scope, rev) VALUES (0, 1) ON CONFLICT(scope) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER stats_rev_target_history_delete AFTER DELETE ON target_history BEGIN
    INSERT INTO stats_revisions (scope, rev) VALUES (0, 1) ON CONFLICT(scope) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER stats_rev_rhythm_history_insert AFTER INSERT ON rhythm_history BEGIN
    INSERT INTO stats_revisions (scope, rev) VALUES (0, 1) ON CONFLICT(scope) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER stats_rev_rhythm_history_update AFTER UPDATE ON rhythm_history BEGIN
    INSERT INTO stats_revisions (scope, rev) VALUES (0, 1) ON CONFLICT(scope) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER stats_rev_rhythm_history_delete AFTER DELETE ON rhythm_history BEGIN
    INSERT INTO stats_revisions (scope, rev) VALUES (0, 1) ON CONFLICT(scope) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER stats_rev_absences_insert AFTER INSERT ON absences BEGIN
    INSERT INTO stats_revisions (scope, rev) VALUES (0, 1) ON CONFLICT(scope) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER stats_rev_absences_update AFTER UPDATE ON absences BEGIN
    INSERT INTO stats_revisions (scope, rev) VALUES (0, 1) ON CONFLICT(scope) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER stats_rev_absences_delete AFTER DELETE ON absences BEGIN
    INSERT INTO stats_revisions (scope, rev) VALUES (0, 1) ON CONFLICT(scope) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER stats_rev_people_insert AFTER INSERT ON people BEGIN
    INSERT INTO stats_revisions (scope, rev) VALUES (0, 1) ON CONFLICT(scope) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER stats_rev_people_update AFTER UPDATE ON people BEGIN
    INSERT INTO stats_revisions (scope, rev) VALUES (0, 1) ON CONFLICT(scope) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER stats_rev_people_delete AFTER DELETE ON people BEGIN
    INSERT INTO stats_revisions (scope, rev) VALUES (0, 1) ON CONFLICT(scope) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER stats_rev_categories_insert AFTER INSERT ON categories BEGIN
    INSERT INTO stats_revisions (scope, rev) VALUES (0, 1) ON CONFLICT(scope) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER stats_rev_categories_update AFTER UPDATE ON categories BEGIN
    INSERT INTO stats_revisions (scope, rev) VALUES (0, 1) ON CONFLICT(scope) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER stats_rev_categories_delete AFTER DELETE ON categories BEGIN
    INSERT INTO stats_revisions (scope, rev) VALUES (0, 1) ON CONFLICT(scope) DO UPDATE SET rev = rev + 1;
END;
