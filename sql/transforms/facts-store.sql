-- Writes what the facts transforms computed (temp view next_facts, temp table next_solved_gaps) for the tickets in
-- fact_tickets and touched_tickets: the only statements of a recomputation that change the database. next_facts reads
-- the tickets as stored: a load writes its tickets after this. The rows carry the load that wrote them ($load_id,
-- NULL for a recomputation outside a load), which the recovery of an unfinished commit looks for (sql/recovery.ts).
DELETE FROM ticket_facts WHERE ticket_id IN (SELECT ticket_id FROM fact_tickets);

INSERT INTO ticket_facts BY NAME SELECT *, $load_id::BIGINT AS load_id FROM next_facts;

DELETE FROM ticket_solved_gaps WHERE ticket_id IN (SELECT ticket_id FROM touched_tickets);

INSERT INTO ticket_solved_gaps BY NAME SELECT *, $load_id::BIGINT AS load_id FROM next_solved_gaps;
