-- The facts' own text in Spanish, beside the English (the seed's, or what a facts admin
-- gives with text_es:/status_es:/scope_es: or /facts set-spanish). '' when nobody wrote
-- it: a Spanish reply then says the fact from its structured fields (kind, date, status,
-- place) and never pastes the English.
ALTER TABLE company_events ADD COLUMN summary_es TEXT NOT NULL DEFAULT '';
ALTER TABLE company_events ADD COLUMN status_es TEXT NOT NULL DEFAULT '';
ALTER TABLE laws ADD COLUMN scope_es TEXT NOT NULL DEFAULT '';
ALTER TABLE laws ADD COLUMN status_note_es TEXT NOT NULL DEFAULT '';

-- Whose unchecked word a law row is: 'iff-local-laws' for a row of the Internet Freedom
-- Foundation's table of May 2021 imported as the table gives it ('' for a checked fact).
-- Replies say so in the reader's language; before this the importer stored the English
-- sentence in status_note, which old rows lose here (exactly that sentence, nothing else).
ALTER TABLE laws ADD COLUMN reported_by TEXT NOT NULL DEFAULT '';
UPDATE laws SET reported_by = 'iff-local-laws', status_note = ''
    WHERE status_note = 'as reported by the Internet Freedom Foundation''s table of May 2021; not re-checked since';
UPDATE laws SET reported_by = 'iff-local-laws',
    status_note = 'Corrected: the table lists it among bans; it is a consent rule.'
    WHERE status_note = 'Corrected: the table lists it among bans; it is a consent rule. Its date and the rest are as reported by the Internet Freedom Foundation''s table of May 2021; not re-checked since';
