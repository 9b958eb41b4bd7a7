-- PostgreSQL twin of storage/migrations/0006_fact_confidence.sql: same tables, columns and constraints
-- (conventions in storage/postgres/migrate.py).
-- How sure a company event is: 'confirmed' (a primary or major-outlet source states it) or
-- 'reported' (a source reports it, but a detail such as the exact day is not confirmed).
-- Admins see the word; members read a reported fact as "reported", never as settled.
ALTER TABLE company_events ADD COLUMN confidence TEXT NOT NULL DEFAULT 'confirmed'
    CHECK (confidence IN ('confirmed', 'reported'));

-- What a company's timeline is about: its facial-recognition policy, or (Ring) police
-- access to its customers' video. /moratorium lists only the first kind.
ALTER TABLE companies ADD COLUMN topic TEXT NOT NULL DEFAULT 'face-recognition'
    CHECK (topic IN ('face-recognition', 'police-video'));

-- What a law's date is: the day it was enacted, signed, voted or took effect. Sources
-- differ (Virginia's HB 2031 is known by the month it took effect).
ALTER TABLE laws ADD COLUMN enacted_means TEXT NOT NULL DEFAULT 'enacted'
    CHECK (enacted_means IN ('enacted', 'signed', 'voted', 'effective'));
