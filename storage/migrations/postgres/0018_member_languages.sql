-- The language a member chose with /language (docs/languages.md): one row per person on a
-- platform, none for someone who never chose (or chose `auto`: the row is deleted), so the
-- platform's own locale applies. Shown by /mydata, erased by /forgetme.
CREATE TABLE member_languages (
    platform    TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    language    TEXT NOT NULL,
    chosen_at   TEXT NOT NULL,
    PRIMARY KEY (platform, user_id)
);
