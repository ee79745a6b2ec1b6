-- A category can play a role the app relies on: 'follow-up' is where a closed promise is logged. The role
-- belongs to the category whatever its key, label or archived state, and at most one category plays it.
ALTER TABLE categories ADD COLUMN role TEXT CHECK (role IS NULL OR role = 'follow-up');
UPDATE categories SET role = 'follow-up' WHERE key = 'follow-up';
CREATE UNIQUE INDEX categories_role ON categories(role) WHERE role IS NOT NULL;
