-- People come and go. An archived person (left the organisation, a test person) is hidden from pickers, the
-- team and reminders; their history stays and counts in old reviews, and they can be restored.
ALTER TABLE people ADD COLUMN archived_at INTEGER;
-- A deleted follow-up is kept aside for undo (as deleted actions are): hidden everywhere, purged after 30 days.
ALTER TABLE followups ADD COLUMN deleted_at INTEGER;
