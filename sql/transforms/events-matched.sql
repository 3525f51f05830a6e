-- For an event log that creates its tickets, in its transaction once they exist; an events file whose tickets are
-- stored finds them in its mapping statement instead (pipelines/merge-events.ts `withTheirTickets`).
-- Input: temp view incoming_events (valid mapped rows, with the hash of each one's source row), temp view
-- matchable_tickets (the stored tickets' keys, and those an earlier file of the load will insert), param $source. Output:
-- temp table new_events, every row matched to its ticket by (source, external id); events-new.sql then leaves out the
-- rows repeated in the file and those stored already (pipelines/merge-events.ts rejects the rows no ticket matched in
-- between).
-- Events keep the file's order (exports list them by ticket or by time): sorting them by ticket was a large share
-- of this step (bench/README.md, "Loading"), and no query depends on how they lie.
CREATE OR REPLACE TEMP TABLE new_events AS
SELECT t.ticket_id, i.occurred_at, i.kind, i.actor, coalesce(i.actor_kind, 'system'::event_actor_kind) AS actor_kind, i.from_value, i.to_value,
       -- The team and level the row carries, kept for the sequence of teams and levels (ticket-milestones.sql).
       i.ticket_team AS team, i.support_level, i.source_row_hash
  FROM incoming_events i
  JOIN matchable_tickets t ON t.source = $source AND t.external_id = i.ticket_external_id;
