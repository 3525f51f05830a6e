// Reading suggestions as a person sees them: the list (filters, sorts, pages) and one with its comments. An anonymous
// suggestion's author is hidden from agents and leads (not from its author, nor from managers, who also read the
// events); votes are counted live, with whether the asker voted.
import type { Account } from '../accounts/users.ts';
import type { Database } from '../db.ts';
import type { SuggestionStatus } from './workflow.ts';
import { isoInstantSql } from '../iso-instant.ts';

export const suggestionSorts = ['newest', 'votes', 'oldest_unanswered'] as const;
export type SuggestionSort = (typeof suggestionSorts)[number];

export interface SuggestionFilter {
  status?: SuggestionStatus[];
  team?: string;
  issue_id?: number;
  goal_id?: number;
  mine?: boolean;
}

export interface Person {
  id: string;
  display_name: string;
}

export interface SuggestionSummary {
  suggestion_id: number;
  title: string;
  body: string;
  /** null when it is anonymous to the asker. */
  author: Person | null;
  anonymous: boolean;
  mine: boolean;
  team_id: string | null;
  team_name: string | null;
  status: SuggestionStatus;
  response: string | null;
  responded_at: string | null;
  responded_by: Person | null;
  decline_reason: string | null;
  implemented_on: string | null;
  issue_id: number | null;
  issue_key: string | null;
  goal_id: number | null;
  ticket_ids: number[];
  votes: number;
  voted: boolean;
  comments: number;
  first_response_at: string | null;
  created_at: string;
  updated_at: string;
}

const instant = (column: string) => isoInstantSql(column, 'ms');

/** Whether the asker sees who wrote an anonymous suggestion. */
export const seesAnonymousAuthors = (account: Account) => account.role === 'manager' || account.role === 'admin';

/** The summaries' SELECT; `only` narrows the vote and comment counts to one suggestion's rows (a detail read). */
const selectSummary = (only = '') => `
  SELECT s.suggestion_id::INTEGER AS suggestion_id, s.title, s.body, s.author_id, coalesce(au.display_name, s.author_id) AS author_name,
         s.anonymous, s.team_id, t.name AS team_name, s.status, s.response, ${instant('s.responded_at')} AS responded_at,
         s.responded_by, coalesce(ru.display_name, s.responded_by) AS responded_by_name, s.decline_reason,
         strftime(s.implemented_on, '%Y-%m-%d') AS implemented_on, s.issue_id::INTEGER AS issue_id, s.issue_key,
         s.goal_id::INTEGER AS goal_id, s.ticket_ids::DOUBLE[] AS ticket_ids,
         coalesce(v.votes, 0)::INTEGER AS votes, coalesce(v.voted, false) AS voted, coalesce(c.comments, 0)::INTEGER AS comments,
         ${instant('s.first_response_at')} AS first_response_at, ${instant('s.created_at')} AS created_at, ${instant('s.updated_at')} AS updated_at
    FROM suggestions s
    LEFT JOIN users au ON au.user_id = s.author_id
    LEFT JOIN users ru ON ru.user_id = s.responded_by
    LEFT JOIN teams t ON t.team_id = s.team_id
    LEFT JOIN (SELECT suggestion_id, count(*) AS votes, bool_or(user_id = $me) AS voted FROM suggestion_votes WHERE revoked_at IS NULL ${only} GROUP BY ALL) v
           ON v.suggestion_id = s.suggestion_id
    LEFT JOIN (SELECT suggestion_id, count(*) AS comments FROM suggestion_comments ${only ? `WHERE true ${only}` : ''} GROUP BY ALL) c ON c.suggestion_id = s.suggestion_id`;

type SummaryRow = Omit<SuggestionSummary, 'author' | 'mine' | 'responded_by'> & {
  author_id: string;
  author_name: string;
  responded_by: string | null;
  responded_by_name: string | null;
};

function asSeenBy(account: Account, row: SummaryRow): SuggestionSummary {
  const { author_id, author_name, responded_by, responded_by_name, ...rest } = row;
  const mine = author_id === account.id;
  const hidden = row.anonymous && !mine && !seesAnonymousAuthors(account);
  return {
    ...rest,
    author: hidden ? null : { id: author_id, display_name: author_name },
    mine,
    responded_by: responded_by === null ? null : { id: responded_by, display_name: responded_by_name ?? responded_by },
  };
}

const orderBy: Record<SuggestionSort, string> = {
  newest: 's.created_at DESC, s.suggestion_id DESC',
  votes: 'votes DESC, s.created_at DESC, s.suggestion_id DESC',
  // Waiting for a first answer (open and never answered) first, the longest-waiting at the top; then the others.
  oldest_unanswered: `(s.first_response_at IS NULL AND s.status NOT IN ('implemented', 'declined')) DESC, s.created_at, s.suggestion_id`,
};

export async function listSuggestions(
  db: Database,
  account: Account,
  filter: SuggestionFilter,
  sort: SuggestionSort,
  page: { offset: number; limit: number },
): Promise<{ items: SuggestionSummary[]; total: number }> {
  const where: string[] = [];
  const params: Record<string, string | number | boolean> = { me: account.id };
  if (filter.status?.length) {
    where.push(`list_contains(from_json($statuses, '["VARCHAR"]'), s.status)`);
    params.statuses = JSON.stringify(filter.status);
  }
  if (filter.team !== undefined) (where.push('s.team_id = $team'), (params.team = filter.team));
  if (filter.issue_id !== undefined) (where.push('s.issue_id = $issue'), (params.issue = filter.issue_id));
  if (filter.goal_id !== undefined) (where.push('s.goal_id = $goal'), (params.goal = filter.goal_id));
  if (filter.mine) where.push('s.author_id = $me');
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  return db.withConnection(async (query) => {
    const rows = await query.all<SummaryRow & { total: number }>(
      `${selectSummary()} ${whereSql} ORDER BY ${orderBy[sort]} LIMIT $limit OFFSET $offset`,
      { ...params, limit: page.limit, offset: page.offset },
    );
    const { me: _me, ...countParams } = params;
    const total = (await query.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM suggestions s ${whereSql}`, filter.mine ? params : countParams))!.n;
    return { items: rows.map((row) => asSeenBy(account, row)), total };
  });
}

export interface CommentVersion {
  version: number;
  body: string;
  written_at: string;
}

export interface SuggestionComment {
  comment_id: number;
  author: Person;
  body: string;
  created_at: string;
  edited_at: string | null;
  /** Every text it has had, oldest first (the last is `body`). */
  versions: CommentVersion[];
}

export interface SuggestionEvent {
  event_id: number;
  kind: string;
  actor: Person;
  occurred_at: string;
  payload: unknown;
}

export interface SuggestionDetail extends SuggestionSummary {
  comment_list: SuggestionComment[];
  /** The audit trail, oldest first: managers only (null for others, as it names anonymous authors). */
  events: SuggestionEvent[] | null;
}

export async function readSuggestion(db: Database, account: Account, id: number): Promise<SuggestionDetail | undefined> {
  return db.withConnection(async (query) => {
    const row = await query.one<SummaryRow>(`${selectSummary('AND suggestion_id = $id')} WHERE s.suggestion_id = $id`, { me: account.id, id });
    if (!row) return undefined;
    const texts = await query.all<{ comment_id: number; author_id: string; author_name: string; created_at: string; version: number; body: string; written_at: string }>(
      `SELECT c.comment_id::INTEGER AS comment_id, c.author_id, coalesce(u.display_name, c.author_id) AS author_name, ${instant('c.created_at')} AS created_at,
              t.version, t.body, ${instant('t.written_at')} AS written_at
         FROM suggestion_comments c JOIN suggestion_comment_texts t USING (comment_id) LEFT JOIN users u ON u.user_id = c.author_id
        WHERE c.suggestion_id = $id ORDER BY c.created_at, c.comment_id, t.version`,
      { id },
    );
    const comments = new Map<number, SuggestionComment>();
    for (const text of texts) {
      const comment = comments.get(text.comment_id) ?? {
        comment_id: text.comment_id, author: { id: text.author_id, display_name: text.author_name }, body: text.body, created_at: text.created_at, edited_at: null, versions: [],
      };
      comment.versions.push({ version: text.version, body: text.body, written_at: text.written_at });
      comment.body = text.body;
      comment.edited_at = text.version > 1 ? text.written_at : null;
      comments.set(text.comment_id, comment);
    }
    let events: SuggestionEvent[] | null = null;
    if (seesAnonymousAuthors(account)) {
      const eventRows = await query.all<{ event_id: number; kind: string; actor_id: string; actor_name: string; occurred_at: string; payload: string }>(
        `SELECT e.event_id::INTEGER AS event_id, e.kind, e.actor_id, coalesce(u.display_name, e.actor_id) AS actor_name, ${instant('e.occurred_at')} AS occurred_at, e.payload::VARCHAR AS payload
           FROM suggestion_events e LEFT JOIN users u ON u.user_id = e.actor_id WHERE e.suggestion_id = $id ORDER BY e.occurred_at, e.event_id`,
        { id },
      );
      events = eventRows.map((e) => ({ event_id: e.event_id, kind: e.kind, actor: { id: e.actor_id, display_name: e.actor_name }, occurred_at: e.occurred_at, payload: JSON.parse(e.payload) }));
    }
    return { ...asSeenBy(account, row), comment_list: [...comments.values()], events };
  });
}
