-- Leads propose goals for their team (issue 13 §1); a manager accepts a proposal (it becomes a goal, with its
-- versions from then on) or declines it with a reason. A proposal is never judged as a goal and never deleted: who
-- proposed, who decided and when stay, and an accepted one names the goal it became.
CREATE SEQUENCE goal_proposal_id_seq START 1;

CREATE TABLE goal_proposals (
  proposal_id     BIGINT PRIMARY KEY DEFAULT nextval('goal_proposal_id_seq'),
  team_id         VARCHAR NOT NULL,
  -- The goal as proposed: the body of POST /api/goals (name, metric, …, scope with the team), as validated.
  definition      JSON NOT NULL,
  proposed_by     VARCHAR NOT NULL,   -- users.user_id
  proposed_by_name VARCHAR NOT NULL,  -- their display name then
  proposed_at     TIMESTAMPTZ NOT NULL,
  status          VARCHAR NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
  decided_by      VARCHAR,
  decided_by_name VARCHAR,
  decided_at      TIMESTAMPTZ,
  decline_reason  VARCHAR,
  goal_id         BIGINT,
  CHECK ((status = 'pending') = (decided_at IS NULL)),
  CHECK (status <> 'declined' OR decline_reason IS NOT NULL),
  CHECK ((status = 'accepted') = (goal_id IS NOT NULL))
);
