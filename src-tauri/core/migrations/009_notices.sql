-- Schema version 9: a fired reminder keeps what it says as data (#12.4): `notice` is JSON naming the message
-- and its parameters (a streak, a category key, a promise's text and due date), rendered in the reader's
-- language when the inbox is shown or a notification goes out. `title` and `body` keep the words as first
-- delivered: what an occurrence fired before this version shows, and what an older Cadence reads.
ALTER TABLE reminder_occurrences ADD COLUMN notice TEXT;
