// Every change to a suggestion (issue 13 §2), each one write transaction on the single writer, so its checks (one
// live vote per person, the workflow's transitions) cannot race with another request: writes queue behind each other.
// Each appends its event to suggestion_events (who, when, what changed; an edit keeps the old text) and bumps the data
// version, so cached answers that count suggestions (the time-to-first-response metric, impact) are recomputed.
import type { Account } from '../accounts/users.ts';
import type { Database, Query } from '../db.ts';
import { SuggestionRefusal } from './refusal.ts';
import { canMove, isOpen, movesFrom, type SuggestionStatus } from './workflow.ts';

export { SuggestionRefusal };

export interface SuggestionLinks {
  issue_id?: number | null;
  goal_id?: number | null;
  ticket_ids?: number[];
}

export interface NewSuggestion extends SuggestionLinks {
  title: string;
  body: string;
  anonymous?: boolean;
}

export interface SuggestionEdit extends SuggestionLinks {
  title?: string;
  body?: string;
  anonymous?: boolean;
}

export interface Move {
  to: SuggestionStatus;
  response?: string;
  reason?: string;
  implemented_on?: string;
}

type CurrentRow = {
  suggestion_id: number;
  title: string;
  body: string;
  author_id: string;
  anonymous: boolean;
  team_id: string | null;
  status: SuggestionStatus;
  issue_id: number | null;
  goal_id: number | null;
  ticket_ids: number[];
  created_on: string;
};

const bumpDataVersion = (tx: Query) => tx.run('UPDATE data_state SET version = version + 1, changed_at = now()');

async function appendEvent(tx: Query, suggestionId: number, kind: string, account: Account, at: Date, payload: object): Promise<void> {
  await tx.run(
    `INSERT INTO suggestion_events (suggestion_id, kind, actor_id, occurred_at, payload) VALUES ($id, $kind, $actor, $at::TIMESTAMPTZ, $payload::JSON)`,
    { id: suggestionId, kind, actor: account.id, at: at.toISOString(), payload: JSON.stringify(payload) },
  );
}

async function current(tx: Query, id: number): Promise<CurrentRow> {
  const row = await tx.one<CurrentRow>(
    `SELECT suggestion_id::INTEGER AS suggestion_id, title, body, author_id, anonymous, team_id, status,
            issue_id::INTEGER AS issue_id, goal_id::INTEGER AS goal_id, ticket_ids::INTEGER[] AS ticket_ids,
            strftime(created_at, '%Y-%m-%d') AS created_on
       FROM suggestions WHERE suggestion_id = $id`,
    { id },
  );
  if (!row) throw new SuggestionRefusal('not_found', 'id', `there is no suggestion ${id}`);
  return row;
}

/** The links must name what exists: a recurring problem, a goal, tickets (422 naming the field otherwise). */
async function checkLinks(tx: Query, links: SuggestionLinks): Promise<void> {
  if (links.issue_id != null && !(await tx.one('SELECT 1 FROM issues WHERE issue_id = $id', { id: links.issue_id }))) {
    throw new SuggestionRefusal('invalid', 'issue_id', `there is no recurring problem ${links.issue_id}`);
  }
  if (links.goal_id != null && !(await tx.one('SELECT 1 FROM goals WHERE goal_id = $id', { id: links.goal_id }))) {
    throw new SuggestionRefusal('invalid', 'goal_id', `there is no goal ${links.goal_id}`);
  }
  if (links.ticket_ids && links.ticket_ids.length > 0) {
    const missing = await tx.one<{ id: number }>(
      `SELECT id::BIGINT::VARCHAR AS id FROM unnest($ids::BIGINT[]) t(id) WHERE id NOT IN (SELECT ticket_id FROM tickets) LIMIT 1`,
      { ids: `[${links.ticket_ids.join(',')}]` },
    );
    if (missing) throw new SuggestionRefusal('invalid', 'ticket_ids', `there is no ticket ${missing.id}`);
  }
}

/** Submits a suggestion as `account`, in their team; returns its id. */
export function createSuggestion(db: Database, account: Account, input: NewSuggestion, at: Date): Promise<number> {
  return db.write(async (tx) => {
    await checkLinks(tx, input);
    const links = { issue_id: input.issue_id ?? null, goal_id: input.goal_id ?? null, ticket_ids: input.ticket_ids ?? [] };
    const row = await tx.one<{ id: number }>(
      `INSERT INTO suggestions (title, body, author_id, anonymous, team_id, issue_id, goal_id, ticket_ids, created_at, updated_at)
       VALUES ($title, $body, $author, $anonymous, $team, $issue, $goal, $tickets::BIGINT[], $at::TIMESTAMPTZ, $at::TIMESTAMPTZ)
       RETURNING suggestion_id::INTEGER AS id`,
      {
        title: input.title, body: input.body, author: account.id, anonymous: input.anonymous ?? false, team: account.team_id,
        issue: links.issue_id, goal: links.goal_id, tickets: `[${links.ticket_ids.join(',')}]`, at: at.toISOString(),
      },
    );
    const id = row!.id;
    await appendEvent(tx, id, 'create', account, at, { title: input.title, body: input.body, anonymous: input.anonymous ?? false, team_id: account.team_id, ...links });
    await bumpDataVersion(tx);
    return id;
  });
}

const editable = ['title', 'body', 'anonymous', 'issue_id', 'goal_id', 'ticket_ids'] as const;

/** The author changes their suggestion while it is open; the event keeps what each changed field said before. */
export function editSuggestion(db: Database, account: Account, id: number, edit: SuggestionEdit, at: Date): Promise<void> {
  return db.write(async (tx) => {
    const row = await current(tx, id);
    if (row.author_id !== account.id) throw new SuggestionRefusal('forbidden', 'id', 'only its author may edit a suggestion');
    if (!isOpen(row.status)) throw new SuggestionRefusal('conflict', 'status', `a suggestion that is ${row.status} is closed and takes no edits`);
    await checkLinks(tx, edit);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const field of editable) {
      const value = edit[field];
      if (value === undefined || JSON.stringify(value) === JSON.stringify(row[field])) continue;
      before[field] = row[field];
      after[field] = value;
    }
    if (Object.keys(after).length === 0) return;
    const next = { ...row, ...after } as CurrentRow;
    await tx.run(
      `UPDATE suggestions SET title = $title, body = $body, anonymous = $anonymous, issue_id = $issue, goal_id = $goal,
              ticket_ids = $tickets::BIGINT[], updated_at = $at::TIMESTAMPTZ WHERE suggestion_id = $id`,
      {
        id, title: next.title, body: next.body, anonymous: next.anonymous, issue: next.issue_id, goal: next.goal_id,
        tickets: `[${next.ticket_ids.join(',')}]`, at: at.toISOString(),
      },
    );
    await appendEvent(tx, id, 'edit', account, at, { before, after });
    await bumpDataVersion(tx);
  });
}

/** One live vote per person; none on a declined suggestion. */
export function vote(db: Database, account: Account, id: number, at: Date): Promise<void> {
  return db.write(async (tx) => {
    const row = await current(tx, id);
    if (row.status === 'declined') throw new SuggestionRefusal('conflict', 'status', 'a declined suggestion takes no votes');
    if (await liveVote(tx, id, account)) throw new SuggestionRefusal('conflict', 'vote', 'you have already voted for this suggestion');
    await tx.run(`INSERT INTO suggestion_votes (suggestion_id, user_id, voted_at) VALUES ($id, $user, $at::TIMESTAMPTZ)`, { id, user: account.id, at: at.toISOString() });
    await appendEvent(tx, id, 'vote', account, at, {});
    await bumpDataVersion(tx);
  });
}

/** Revokes the person's live vote (the row stays, with when it was revoked). */
export function unvote(db: Database, account: Account, id: number, at: Date): Promise<void> {
  return db.write(async (tx) => {
    await current(tx, id);
    if (!(await liveVote(tx, id, account))) throw new SuggestionRefusal('conflict', 'vote', 'you have not voted for this suggestion');
    await tx.run(`UPDATE suggestion_votes SET revoked_at = $at::TIMESTAMPTZ WHERE suggestion_id = $id AND user_id = $user AND revoked_at IS NULL`, {
      id, user: account.id, at: at.toISOString(),
    });
    await appendEvent(tx, id, 'unvote', account, at, {});
    await bumpDataVersion(tx);
  });
}

const liveVote = (tx: Query, id: number, account: Account) =>
  tx.one('SELECT 1 FROM suggestion_votes WHERE suggestion_id = $id AND user_id = $user AND revoked_at IS NULL', { id, user: account.id });

/** Adds a comment; returns its id. */
export function addComment(db: Database, account: Account, id: number, body: string, at: Date): Promise<number> {
  return db.write(async (tx) => {
    await current(tx, id);
    const commentId = (await tx.one<{ id: number }>(
      `INSERT INTO suggestion_comments (suggestion_id, author_id, created_at) VALUES ($id, $author, $at::TIMESTAMPTZ) RETURNING comment_id::INTEGER AS id`,
      { id, author: account.id, at: at.toISOString() },
    ))!.id;
    await tx.run(`INSERT INTO suggestion_comment_texts VALUES ($comment, 1, $body, $at::TIMESTAMPTZ)`, { comment: commentId, body, at: at.toISOString() });
    await appendEvent(tx, id, 'comment', account, at, { comment_id: commentId, body });
    await bumpDataVersion(tx);
    return commentId;
  });
}

/** Its author gives a comment new text: a new version, the old ones kept. */
export function editComment(db: Database, account: Account, id: number, commentId: number, body: string, at: Date): Promise<void> {
  return db.write(async (tx) => {
    const comment = await tx.one<{ author_id: string; version: number; body: string }>(
      `SELECT c.author_id, t.version, t.body FROM suggestion_comments c JOIN suggestion_comment_texts t USING (comment_id)
        WHERE c.comment_id = $comment AND c.suggestion_id = $id ORDER BY t.version DESC LIMIT 1`,
      { id, comment: commentId },
    );
    if (!comment) throw new SuggestionRefusal('not_found', 'comment_id', `suggestion ${id} has no comment ${commentId}`);
    if (comment.author_id !== account.id) throw new SuggestionRefusal('forbidden', 'comment_id', 'only its author may edit a comment');
    if (comment.body === body) return;
    const version = comment.version + 1;
    await tx.run(`INSERT INTO suggestion_comment_texts VALUES ($comment, $version, $body, $at::TIMESTAMPTZ)`, { comment: commentId, version, body, at: at.toISOString() });
    await appendEvent(tx, id, 'comment_edit', account, at, { comment_id: commentId, version, before: comment.body, after: body });
    await bumpDataVersion(tx);
  });
}

/**
 * A lead (for their own team's suggestions) or a manager moves a suggestion along the workflow, with a response the
 * author sees if given. Declining needs a reason, implementing a date (not before the suggestion was made).
 */
export function moveSuggestion(db: Database, account: Account, id: number, move: Move, at: Date): Promise<void> {
  return db.write(async (tx) => {
    const row = await current(tx, id);
    if (account.role === 'lead' && (account.team_id === null || account.team_id !== row.team_id)) {
      throw new SuggestionRefusal('forbidden', 'id', 'a lead moves the suggestions of their own team only');
    }
    if (account.role !== 'lead' && account.role !== 'manager') throw new SuggestionRefusal('forbidden', 'id', 'only leads and managers move suggestions');
    if (!canMove(row.status, move.to)) {
      const allowed = movesFrom(row.status);
      throw new SuggestionRefusal('conflict', 'to', `a suggestion that is ${row.status} cannot move to ${move.to}` + (allowed.length ? ` (it may move to ${allowed.join(' or ')})` : ' (it is closed)'));
    }
    if (move.to === 'declined' && !move.reason) throw new SuggestionRefusal('invalid', 'reason', 'declining a suggestion needs a reason');
    if (move.to === 'implemented') {
      if (!move.implemented_on) throw new SuggestionRefusal('invalid', 'implemented_on', 'implementing a suggestion needs the date it went live');
      if (move.implemented_on < row.created_on) throw new SuggestionRefusal('invalid', 'implemented_on', `the suggestion was made on ${row.created_on}, after ${move.implemented_on}`);
    }
    const response = move.response ?? null;
    await tx.run(
      `UPDATE suggestions SET status = $to,
              decline_reason = CASE WHEN $to = 'declined' THEN $reason ELSE decline_reason END,
              implemented_on = CASE WHEN $to = 'implemented' THEN $implemented::DATE ELSE implemented_on END,
              response = coalesce($response, response),
              responded_at = CASE WHEN $response IS NULL THEN responded_at ELSE $at::TIMESTAMPTZ END,
              responded_by = CASE WHEN $response IS NULL THEN responded_by ELSE $actor END,
              first_response_at = coalesce(first_response_at, $at::TIMESTAMPTZ),
              updated_at = $at::TIMESTAMPTZ
        WHERE suggestion_id = $id`,
      { id, to: move.to, reason: move.reason ?? null, implemented: move.implemented_on ?? null, response, actor: account.id, at: at.toISOString() },
    );
    await appendEvent(tx, id, 'move', account, at, {
      from: row.status,
      to: move.to,
      ...(move.to === 'declined' ? { reason: move.reason } : {}),
      ...(move.to === 'implemented' ? { implemented_on: move.implemented_on } : {}),
    });
    if (response !== null) await appendEvent(tx, id, 'response', account, at, { response });
    await bumpDataVersion(tx);
  });
}
