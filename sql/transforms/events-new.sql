-- Input: temp table new_events (events-matched.sql). Leaves in it the events to store: duplicates within the file
-- (the same content twice) and events already stored are deleted. Runs before the load's transaction when the
-- tickets exist already (see pipelines/load.ts); the transaction computes facts over stored and new events, then
-- stores these.

-- Only rows whose content hash occurs more than once can be duplicates, and only those are compared in full: finding
-- the repeated hashes costs about half a DISTINCT over every row of the file (bench/README.md, "Loading").
DELETE FROM new_events
 WHERE rowid IN (SELECT rowid
                   FROM (SELECT rowid, row_number() OVER (PARTITION BY ticket_id, occurred_at, kind, actor, actor_kind, from_value, to_value
                                                          ORDER BY rowid) AS copy
                           FROM new_events
                          WHERE content_hash IN (SELECT content_hash FROM new_events GROUP BY content_hash HAVING count(*) > 1))
                  WHERE copy > 1);

DELETE FROM new_events n
 USING ticket_events e
 WHERE e.ticket_id = n.ticket_id AND e.occurred_at = n.occurred_at AND e.kind = n.kind
   AND e.actor IS NOT DISTINCT FROM n.actor AND e.from_value IS NOT DISTINCT FROM n.from_value
   AND e.to_value IS NOT DISTINCT FROM n.to_value;
