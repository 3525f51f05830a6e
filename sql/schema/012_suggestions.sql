-- Improvement suggestions (issue 13 §2). 001's tables held the demo's suggestions (written by the organisation
-- loader) but nothing could change them: they are copied here into tables shaped for the routes, with nothing lost.
--
-- Rules of these tables (sql/suggestions/ is their one writer, inside one write transaction each, so its checks
-- cannot race: DuckDB has one writer connection and writes queue behind each other):
--   * suggestion_events is append-only: every create, edit, vote, unvote, comment, comment edit, move and response,
--     with who and when, and what changed (`payload`, JSON; an edit keeps the old text there).
--   * a comment is never changed: an edit appends its new text to suggestion_comment_texts (version 2, 3, …).
--   * a vote is never deleted: revoking sets revoked_at; voting again adds a row. At most one live row per person.
-- No PRIMARY KEY or UNIQUE on the rows that are updated (suggestions, votes): DuckDB turns an update of an indexed
-- table's row into delete + insert, which its index can report as a duplicate within one transaction.

CREATE TABLE suggestions_next (
  suggestion_id      BIGINT NOT NULL DEFAULT nextval('suggestion_id_seq'),
  title              VARCHAR NOT NULL,            -- as written (at most 200 characters, api/routes/suggestions.ts)
  body               VARCHAR NOT NULL,            -- as written (at most 10,000 characters)
  author_id          VARCHAR NOT NULL,            -- users.user_id
  anonymous          BOOLEAN NOT NULL DEFAULT false,  -- hidden from agents and leads; managers and the events know
  team_id            VARCHAR,                     -- the author's team when submitted: whose lead triages it
  status             VARCHAR NOT NULL DEFAULT 'new'
                       CHECK (status IN ('new', 'under_review', 'accepted', 'in_progress', 'implemented', 'declined')),
  response           VARCHAR,                     -- the latest response the author sees (every one is in the events)
  responded_at       TIMESTAMPTZ,
  responded_by       VARCHAR,
  decline_reason     VARCHAR,
  implemented_on     DATE,
  issue_id           BIGINT,                      -- a recurring problem (issues.issue_id)
  issue_key          VARCHAR,                     -- the demo's own name of the problem it is about (its generator's)
  goal_id            BIGINT,
  ticket_ids         BIGINT[] NOT NULL DEFAULT [],
  -- When a lead or manager first answered it (its first move or response): "time to first response on suggestions".
  first_response_at  TIMESTAMPTZ,
  created_at         TIMESTAMPTZ NOT NULL,
  updated_at         TIMESTAMPTZ NOT NULL,
  CHECK (status <> 'declined' OR decline_reason IS NOT NULL),
  CHECK (status <> 'implemented' OR implemented_on IS NOT NULL)
);

-- The first response of a migrated suggestion is its first status change (001 kept no time for a response).
INSERT INTO suggestions_next
SELECT s.suggestion_id, s.title, s.description, s.author_id, s.anonymous, u.team_id, s.status, s.response,
       CASE WHEN s.response IS NOT NULL THEN last_move.at END,
       CASE WHEN s.response IS NOT NULL THEN last_move.actor END,
       s.decline_reason, s.implemented_on, NULL, s.issue_key, s.goal_id, coalesce(s.ticket_ids, []),
       first_move.at, s.created_at, s.updated_at
  FROM suggestions s
  LEFT JOIN users u ON u.user_id = s.author_id
  LEFT JOIN (SELECT suggestion_id, min(occurred_at) AS at FROM suggestion_events WHERE kind = 'status_changed' GROUP BY ALL) first_move
         ON first_move.suggestion_id = s.suggestion_id
  LEFT JOIN (SELECT suggestion_id, arg_max(occurred_at, occurred_at) AS at, arg_max(actor_id, occurred_at) AS actor
               FROM suggestion_events WHERE kind = 'status_changed' GROUP BY ALL) last_move
         ON last_move.suggestion_id = s.suggestion_id;

CREATE TABLE suggestion_votes_next (
  suggestion_id  BIGINT NOT NULL,
  user_id        VARCHAR NOT NULL,
  voted_at       TIMESTAMPTZ NOT NULL,
  revoked_at     TIMESTAMPTZ
);
INSERT INTO suggestion_votes_next SELECT suggestion_id, user_id, voted_at, NULL FROM suggestion_votes;

CREATE TABLE suggestion_comments_next (
  comment_id     BIGINT NOT NULL DEFAULT nextval('suggestion_comment_id_seq'),
  suggestion_id  BIGINT NOT NULL,
  author_id      VARCHAR NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL
);
-- Every text a comment has had, oldest first; the highest version is what it says now.
CREATE TABLE suggestion_comment_texts (
  comment_id   BIGINT NOT NULL,
  version      INTEGER NOT NULL,
  body         VARCHAR NOT NULL,                  -- as written (at most 5,000 characters)
  written_at   TIMESTAMPTZ NOT NULL
);
INSERT INTO suggestion_comments_next SELECT comment_id, suggestion_id, author_id, created_at FROM suggestion_comments;
INSERT INTO suggestion_comment_texts SELECT comment_id, 1, body, created_at FROM suggestion_comments;

-- kind     payload
-- create   {title, body, anonymous, team_id, issue_id, issue_key, goal_id, ticket_ids}
-- edit     {before: {changed fields}, after: {changed fields}}
-- vote / unvote  {}
-- comment  {comment_id, body};  comment_edit {comment_id, version, before, after}
-- move     {from, to, reason?, implemented_on?};  response {response} (given with a move)
CREATE TABLE suggestion_events_next (
  event_id       BIGINT NOT NULL DEFAULT nextval('suggestion_event_id_seq'),
  suggestion_id  BIGINT NOT NULL,
  kind           VARCHAR NOT NULL
                   CHECK (kind IN ('create', 'edit', 'vote', 'unvote', 'comment', 'comment_edit', 'move', 'response')),
  actor_id       VARCHAR NOT NULL,
  occurred_at    TIMESTAMPTZ NOT NULL,
  payload        JSON NOT NULL
);

INSERT INTO suggestion_events_next
SELECT e.event_id, e.suggestion_id, 'create', e.actor_id, e.occurred_at,
       json_object('title', s.title, 'body', s.description, 'anonymous', s.anonymous, 'team_id', u.team_id,
                   'issue_id', NULL, 'issue_key', s.issue_key, 'goal_id', s.goal_id, 'ticket_ids', coalesce(s.ticket_ids, []))
  FROM suggestion_events e JOIN suggestions s USING (suggestion_id) LEFT JOIN users u ON u.user_id = s.author_id
 WHERE e.kind = 'created';
-- 001 noted a decline's reason, or a move's remark, as the status change's note.
INSERT INTO suggestion_events_next
SELECT event_id, suggestion_id, 'move', actor_id, occurred_at,
       CASE WHEN to_value = 'declined' THEN json_object('from', from_value, 'to', to_value, 'reason', note)
            WHEN to_value = 'implemented' THEN json_object('from', from_value, 'to', to_value, 'implemented_on', (SELECT implemented_on FROM suggestions s WHERE s.suggestion_id = e.suggestion_id), 'note', note)
            ELSE json_object('from', from_value, 'to', to_value, 'note', note) END
  FROM suggestion_events e WHERE kind = 'status_changed';
INSERT INTO suggestion_events_next (suggestion_id, kind, actor_id, occurred_at, payload)
SELECT e.suggestion_id, 'response', e.actor_id, e.occurred_at, json_object('response', e.note)
  FROM suggestion_events e WHERE kind = 'responded';
INSERT INTO suggestion_events_next (suggestion_id, kind, actor_id, occurred_at, payload)
SELECT suggestion_id, 'response', responded_by, responded_at, json_object('response', response)
  FROM suggestions_next
 WHERE response IS NOT NULL AND responded_by IS NOT NULL
   AND suggestion_id NOT IN (SELECT suggestion_id FROM suggestion_events WHERE kind = 'responded');
INSERT INTO suggestion_events_next (suggestion_id, kind, actor_id, occurred_at, payload)
SELECT suggestion_id, 'vote', user_id, voted_at, json_object() FROM suggestion_votes;
INSERT INTO suggestion_events_next (suggestion_id, kind, actor_id, occurred_at, payload)
SELECT suggestion_id, 'comment', author_id, created_at, json_object('comment_id', comment_id, 'body', body) FROM suggestion_comments;

DROP TABLE suggestion_events;
DROP TABLE suggestion_comments;
DROP TABLE suggestion_votes;
DROP TABLE suggestions;
ALTER TABLE suggestions_next RENAME TO suggestions;
ALTER TABLE suggestion_votes_next RENAME TO suggestion_votes;
ALTER TABLE suggestion_comments_next RENAME TO suggestion_comments;
ALTER TABLE suggestion_events_next RENAME TO suggestion_events;

-- Suggestions as rows the metrics read (sql/metrics/registry.ts, `suggestion_first_response_time`): the columns of
-- every dimension a metric may be filtered or grouped by, those suggestions do not have NULL (a filter on them
-- matches none). Team is the author's team, provider the kind of that team.
CREATE VIEW suggestion_facts AS
SELECT s.suggestion_id, NULL::BIGINT AS ticket_id, s.team_id, NULL::VARCHAR AS channel, NULL::VARCHAR AS priority,
       NULL::VARCHAR AS category, t.provider_kind, NULL::VARCHAR AS assignee_id, NULL::VARCHAR AS requester_kind,
       NULL::VARCHAR AS organization, s.created_at, s.first_response_at,
       date_diff('second', s.created_at, s.first_response_at) AS first_response_seconds
  FROM suggestions s LEFT JOIN teams t ON t.team_id = s.team_id;
