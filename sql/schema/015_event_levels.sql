-- The team and the support level an event row carries (an ITSM log writes the assignment group and the line,
-- L1/L2/L3, on every row, whatever the row's kind): kept per event so that a later load of more events of the same
-- ticket continues its sequence of teams and levels (ticket-milestones.sql reads transfers, escalations and
-- de-escalations from it). NULL for events whose log carries neither, and for every event stored before.
ALTER TABLE ticket_events ADD COLUMN team VARCHAR;
ALTER TABLE ticket_events ADD COLUMN support_level SMALLINT;
