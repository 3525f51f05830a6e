-- Input: temp view incoming_feedback (valid mapped rows with record and row_hash), params $source, $load_id.
-- Output: matched_feedback (the incoming rows already stored, and whether they changed) and feedback_tickets (the
-- incoming rows whose ticket is loaded, and its id), which pipelines/unlinked-feedback.ts reads before dropping it.
CREATE OR REPLACE TEMP TABLE matched_feedback AS
SELECT i.record, f.feedback_id AS existing_id, f.row_hash <> i.row_hash AS changed
  FROM incoming_feedback i
  JOIN feedback f ON f.source = $source AND f.external_id = i.external_id;

-- A view takes no parameters: the tickets of this source are looked up apart.
CREATE OR REPLACE TEMP TABLE feedback_tickets AS
SELECT i.record, t.ticket_id
  FROM incoming_feedback i
  JOIN tickets t ON t.source = $source AND t.external_id = i.ticket_external_id;

CREATE OR REPLACE TEMP VIEW resolved_feedback AS
SELECT i.*, m.existing_id, m.changed, t.ticket_id
  FROM incoming_feedback i
  LEFT JOIN matched_feedback m USING (record)
  LEFT JOIN feedback_tickets t USING (record);

UPDATE feedback SET
       ticket_id = r.ticket_id, submitted_at = r.submitted_at, kind = r.kind, score = r.score,
       scale_max = r.scale_max, comment = r.comment, channel = r.channel, row_hash = r.row_hash, load_id = $load_id
  FROM resolved_feedback r
 WHERE feedback.feedback_id = r.existing_id AND r.changed;

INSERT INTO feedback (source, external_id, ticket_id, submitted_at, kind, score, scale_max, comment, channel, row_hash, load_id)
SELECT $source, external_id, ticket_id, submitted_at, kind, score, scale_max, comment, channel, row_hash, $load_id
  FROM resolved_feedback
 WHERE existing_id IS NULL
 ORDER BY record;

DROP VIEW resolved_feedback;
