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

-- An occurrence a catch-up passed over (an older one of the same rule): stored so it never fires later.
ALTER TABLE reminder_occurrences ADD COLUMN missed INTEGER NOT NULL DEFAULT 0;
