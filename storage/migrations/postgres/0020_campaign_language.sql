-- A campaign's own language, set by an organizer (/campaign language <slug> es): the default
-- of its public page (a reader's ?lang= switch still wins), of its petition PDF and of its
-- cards. '' when no organizer chose one: the page then follows the reader's browser.
ALTER TABLE campaigns ADD COLUMN language TEXT NOT NULL DEFAULT '';
