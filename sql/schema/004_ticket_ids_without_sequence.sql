-- A new ticket's id is the highest stored id plus its place among the tickets inserted, given by the load path
-- (tickets-prepare.sql, events-create-tickets.sql, merge-messages.sql) rather than a sequence: a tickets load numbers
-- its rows before its transaction, which a sequence cannot do without changing the database. One process writes.
ALTER TABLE tickets ALTER COLUMN ticket_id DROP DEFAULT;

DROP SEQUENCE ticket_id_seq;
