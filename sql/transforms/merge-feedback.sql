-- Input: temp table incoming_feedback (valid mapped rows with row_hash), params $source, $load_id.
CREATE OR REPLACE TEMP TABLE resolved_feedback AS
SELECT i.*, f.feedback_id AS existing_id, f.row_hash AS existing_hash, t.ticket_id
  FROM incoming_feedback i
  LEFT JOIN feedback f ON f.source = $source AND f.external_id = i.external_id
  LEFT JOIN tickets t ON t.source = $source AND t.external_id = i.ticket_external_id;

UPDATE feedback SET
       ticket_id = r.ticket_id, submitted_at = r.submitted_at, kind = r.kind, score = r.score,
       scale_max = r.scale_max, comment = r.comment, channel = r.channel, row_hash = r.row_hash, load_id = $load_id
  FROM resolved_feedback r
 WHERE feedback.feedback_id = r.existing_id AND r.existing_hash <> r.row_hash;

INSERT INTO feedback (source, external_id, ticket_id, submitted_at, kind, score, scale_max, comment, channel, row_hash, load_id)
SELECT $source, external_id, ticket_id, submitted_at, kind, score, scale_max, comment, channel, row_hash, $load_id
  FROM resolved_feedback
 WHERE existing_id IS NULL
 ORDER BY line;
