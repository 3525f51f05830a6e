// Survey comments, newest first: searched by text (contains, case-insensitive) and filtered by kind, score, period
// and the ticket's dimensions, each with its ticket. Every value is bound; dimension columns come from the list.
import type { Database, Params } from './db.ts';
import { filterSql, type Filters } from './metrics/filters.ts';

export const feedbackKinds = ['csat', 'nps', 'ces'] as const;
export type FeedbackKind = (typeof feedbackKinds)[number];

export interface CommentQuery {
  text?: string;
  kinds?: FeedbackKind[];
  scoreMin?: number;
  scoreMax?: number;
  filters?: Filters;
  /** Inclusive start and exclusive end of `submitted_at`. */
  from: Date;
  to: Date;
  limit: number;
  offset: number;
}

export interface FeedbackComment {
  feedback_id: number;
  ticket_id: number | null;
  ticket_external_id: string | null;
  submitted_at: string;
  kind: FeedbackKind;
  score: number | null;
  scale_max: number;
  comment: string;
  channel: string | null;
  team_id: string | null;
}

export async function queryComments(db: Database, query: CommentQuery): Promise<{ total: number; comments: FeedbackComment[] }> {
  const filters = filterSql(query.filters);
  const where = [`trim(fb.comment) <> ''`, 'f.submitted_at >= $from::TIMESTAMPTZ', 'f.submitted_at < $to::TIMESTAMPTZ', ...filters.where];
  const params: Record<string, unknown> = { from: query.from.toISOString(), to: query.to.toISOString(), ...filters.params };
  if (query.text) {
    // contains(), not LIKE: a % or _ in the search is a character, not a wildcard.
    where.push('contains(lower(fb.comment), lower($text))');
    params.text = query.text;
  }
  if (query.kinds?.length) {
    where.push(`f.kind IN (${query.kinds.map((_, i) => `$kind${i}`).join(', ')})`);
    query.kinds.forEach((kind, i) => (params[`kind${i}`] = kind));
  }
  if (query.scoreMin !== undefined) {
    where.push('f.score >= $score_min');
    params.score_min = query.scoreMin;
  }
  if (query.scoreMax !== undefined) {
    where.push('f.score <= $score_max');
    params.score_max = query.scoreMax;
  }
  const from = `FROM feedback_facts f JOIN feedback fb USING (feedback_id) LEFT JOIN tickets t ON t.ticket_id = f.ticket_id WHERE ${where.join(' AND ')}`;
  return db.withConnection(async (sql) => {
    const { total } = (await sql.one<{ total: number }>(`SELECT count(*)::INTEGER AS total ${from}`, params as Params))!;
    const comments = await sql.all<FeedbackComment & Record<string, unknown>>(
      `SELECT f.feedback_id::INTEGER AS feedback_id, f.ticket_id::INTEGER AS ticket_id, t.external_id AS ticket_external_id,
              strftime(f.submitted_at, '%Y-%m-%dT%H:%M:%SZ') AS submitted_at, f.kind, f.score, f.scale_max::INTEGER AS scale_max,
              fb.comment, f.channel, f.team_id
         ${from}
        ORDER BY f.submitted_at DESC, f.feedback_id DESC
        LIMIT $limit OFFSET $offset`,
      { ...params, limit: query.limit, offset: query.offset } as Params,
    );
    return { total, comments };
  });
}
