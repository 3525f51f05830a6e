-- The team lead's actions (issue 12 §4), each with who (`edited_by`, `set_by`, `cleared_by`) and when.
-- `ticket_issues` stays the one place that says which issue a ticket is in now: an edit updates it in the same
-- transaction, and every load and regroup applies the edits again afterwards (sql/issues/edits-apply.ts), so edits
-- survive both. These tables are written only by edits (never by a load), so they carry no load id.

CREATE SEQUENCE issue_edit_id_seq START 1;

-- Every edit, in order: the issues' history, and the source of their current name and known-problem note.
--   rename                 issue_id renamed to `name`
--   known_problem          issue_id marked a known problem (FAQ, training topic) with `note`
--   known_problem_cleared  the mark taken off issue_id
--   merge                  issue_id merged into target_issue: its tickets, and any it is given later, go there
--   move                   `ticket_ids` moved from issue_id to the existing target_issue
--   split                  `ticket_ids` moved from issue_id to the new target_issue, named `name`
CREATE TABLE issue_edits (
  edit_id       BIGINT NOT NULL DEFAULT nextval('issue_edit_id_seq'),
  issue_id      BIGINT NOT NULL,
  kind          VARCHAR NOT NULL CHECK (kind IN ('rename', 'known_problem', 'known_problem_cleared', 'merge', 'move', 'split')),
  target_issue  BIGINT,
  name          VARCHAR,
  note          VARCHAR,
  ticket_ids    BIGINT[],
  edited_by     VARCHAR NOT NULL,
  edited_at     TIMESTAMPTZ NOT NULL,
  CHECK ((kind IN ('merge', 'move', 'split')) = (target_issue IS NOT NULL)),
  CHECK ((kind IN ('rename', 'split')) = (name IS NOT NULL))
);

-- Where a merged issue's tickets go now: chains are kept flat (A into B, then B into C: A → C), and a merged issue
-- takes no edit but its history, so there are no cycles.
CREATE TABLE issue_merges (
  issue_id    BIGINT NOT NULL,
  into_issue  BIGINT NOT NULL
);

-- Tickets a lead placed (moved, split off, or carried along by a merge): each stays in `issue_id` through loads and
-- regroups. `from_issue` is where the grouping had put it, which a regroup uses to keep the grouping's ids.
CREATE TABLE issue_ticket_pins (
  ticket_id   BIGINT NOT NULL,
  issue_id    BIGINT NOT NULL,
  from_issue  BIGINT NOT NULL,
  edit_id     BIGINT NOT NULL
);

-- Customer flags (issue 12 §2/§4) come from the organisation file or from a lead: `origin` says which, so a new
-- organisation file replaces only its own flags. Unflagging sets cleared_at and says who and why; the row stays.
ALTER TABLE customer_flags ADD COLUMN origin VARCHAR DEFAULT 'organisation';  -- 'organisation' or 'lead'
ALTER TABLE customer_flags ADD COLUMN cleared_by VARCHAR;
ALTER TABLE customer_flags ADD COLUMN cleared_note VARCHAR;
