-- The tickets whose facts a load recomputes: those it touched, and every ticket of the same requesters,
-- because whether a ticket was resolved at first contact depends on the requester's next ticket. Reads the
-- tickets as merged (fact_ticket_base): milestones not yet written change no requester.
CREATE OR REPLACE TEMP TABLE fact_tickets AS
SELECT ticket_id FROM touched_tickets
UNION
SELECT t.ticket_id
  FROM fact_ticket_base t
  JOIN (SELECT DISTINCT t2.source, t2.requester_id
          FROM fact_ticket_base t2 JOIN touched_tickets USING (ticket_id)
         WHERE t2.requester_id IS NOT NULL) r
    ON r.source = t.source AND r.requester_id = t.requester_id;

-- The rows of those tickets as the facts read them (fact_ticket_latest, sql/facts.ts), copied once: the statements
-- after this read them more than a dozen times, and each read of the view would scan every ticket again and, while
-- the milestones are not stored, anti-join them with the recounted ones (bench/README.md, "Loading").
CREATE OR REPLACE TEMP TABLE fact_ticket_rows AS
SELECT t.* FROM fact_ticket_latest t SEMI JOIN fact_tickets USING (ticket_id);
