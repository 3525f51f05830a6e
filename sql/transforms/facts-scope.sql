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
