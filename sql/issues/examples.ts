// An issue's representative tickets: the ones whose text agrees most with its core, as the grouping itself measures
// it (pipelines/issues/naming.ts `representativeTickets`: MinHash agreement with the issue's stored core signature).
// They are picked on read from the issue's newest tickets in the view (filters and range), so that an example always
// belongs to what the lead is looking at; ties go to the newer ticket.
import type { IssueDetailResponse } from '../../api/contracts.ts';
import { signBatch } from '../../pipelines/issues/batch.ts';
import { representativeTickets } from '../../pipelines/issues/naming.ts';
import type { GroupingOptions } from '../../pipelines/issues/state.ts';
import { ticketTerms } from '../../pipelines/issues/text.ts';
import type { Params, Query } from '../db.ts';
import { filterSql, type Filters } from '../metrics/filters.ts';

/** The newest tickets compared: enough to find typical ones, bounded so a huge issue costs the same. */
const candidates = 300;

type Example = IssueDetailResponse['examples'][number];

export async function representativeExamples(query: Query, issueId: number, range: { from: Date; to: Date; filters: Filters }, count = 3): Promise<Example[]> {
  const filters = filterSql({ ...range.filters, issue: [String(issueId)] });
  const rows = await query.all<Example & { description: string | null } & Record<string, unknown>>(
    `SELECT t.ticket_id::INTEGER AS ticket_id, t.external_id, t.subject, t.description, t.channel,
            strftime(f.created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at
       FROM ticket_facts f JOIN tickets t USING (ticket_id)
      WHERE ${['f.created_at >= $from::TIMESTAMPTZ', 'f.created_at < $to::TIMESTAMPTZ', ...filters.where].join(' AND ')}
      ORDER BY f.created_at DESC, t.ticket_id DESC
      LIMIT ${candidates}`,
    { from: range.from.toISOString(), to: range.to.toISOString(), ...(filters.params as Record<string, unknown>) } as Params,
  );
  const stored = await query.one<{ options: string; signature: number[] }>(
    `SELECT g.options::VARCHAR AS options, i.signature FROM issues i, issue_grouping g WHERE i.issue_id = $id`,
    { id: issueId },
  );
  let order = rows.map((_, i) => i);
  if (stored && rows.length > 0) {
    const options = JSON.parse(stored.options) as GroupingOptions;
    const signature = stored.signature.map(Number);
    if (signature.length === options.hashes) {
      const batch = signBatch(rows.map((row) => ticketTerms(row.subject, row.description).terms), options);
      const state = { options, issues: [{ id: issueId, size: rows.length, signature, featureCounts: [] }], corpus: { tickets: 0, documentFrequency: [] } };
      const picked = representativeTickets(state, new Int32Array(rows.length).fill(issueId), batch.signatures, count).get(issueId) ?? [];
      order = [...picked, ...order.filter((i) => !picked.includes(i))];
    }
  }
  return order.slice(0, count).map((i) => {
    const { description: _description, ...example } = rows[i]!;
    return example;
  });
}
