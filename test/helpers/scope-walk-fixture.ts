// The scope-walk fixture (test/fixtures/scope-walk, README there): two teams, loaded, with three issues set by hand
// and one move of tickets between them by a manager, so that every route's answer differs by who asks.
import { fileURLToPath } from 'node:url';
import { loadFile } from '../../pipelines/load.ts';
import { loadOrganisation } from '../../pipelines/organisation/load.ts';
import { servicepulseEvents, servicepulseFeedback } from '../../pipelines/sources/servicepulse.ts';
import { zendeskTickets } from '../../pipelines/sources/zendesk.ts';
import type { Database } from '../../sql/db.ts';

const folder = fileURLToPath(new URL('../fixtures/scope-walk/', import.meta.url));

/** Issue → tickets (external ids) before the move; the move takes 10009 and 10003 from issue 1 to issue 2. */
export const issueTickets: Record<number, string[]> = { 1: ['10001', '10004', '10009', '10003'], 2: ['10002', '10005'], 3: ['10010', '10011', '10012'] };

/**
 * Issue 2's naming terms, as the grouping would store them once the move is done: "invoic" (10009, team A, "Invoice
 * missing") and "crash" (10003, team B, "App crashes"), one ticket each of all its tickets. The others have none.
 */
const namingTerms: Record<number, Array<{ feature: string; display: string; tickets: number }>> = {
  2: [{ feature: 'invoic', display: 'invoice', tickets: 1 }, { feature: 'crash', display: 'crashes', tickets: 1 }],
};
export const movedFromOneToTwo = ['10009', '10003'];

export async function loadScopeWalkFixture(db: Database): Promise<Map<string, number>> {
  await loadOrganisation(db, `${folder}organisation.json`);
  await loadFile(db, { file: `${folder}tickets.csv`, mapping: zendeskTickets });
  await loadFile(db, { file: `${folder}events.csv`, mapping: servicepulseEvents, source: 'zendesk' });
  await loadFile(db, { file: `${folder}feedback.csv`, mapping: servicepulseFeedback, source: 'zendesk' });
  const ids = new Map((await db.read<{ external_id: string; id: number }>('SELECT external_id, ticket_id::INTEGER AS id FROM tickets')).map((r) => [r.external_id, r.id]));
  await db.write(async (tx) => {
    await tx.run('DELETE FROM ticket_issues');
    await tx.run('DELETE FROM issues');
    for (const [issue, tickets] of Object.entries(issueTickets)) {
      const terms = namingTerms[Number(issue)] ?? [];
      await tx.run(
        `INSERT INTO issues (issue_id, name_terms, display_terms, size, signature, feature_counts, created_load, updated_load, load_id)
         SELECT $id, from_json($terms, '["VARCHAR"]'), from_json($display, '["VARCHAR"]'), $size, []::UINTEGER[],
                from_json($counts, '[{"feature": "VARCHAR", "tickets": "INTEGER"}]'), 1, 1, 1`,
        {
          id: Number(issue), size: tickets.length, terms: JSON.stringify(terms.map((t) => t.feature)), display: JSON.stringify(terms.map((t) => t.display)),
          counts: JSON.stringify(terms.map((t) => ({ feature: t.feature, tickets: t.tickets }))),
        },
      );
      for (const external of tickets) await tx.run(`INSERT INTO ticket_issues VALUES ($ticket, $issue, NULL, 'en', 1)`, { ticket: ids.get(external)!, issue: Number(issue) });
    }
    await tx.run('UPDATE data_state SET version = version + 1, changed_at = now()');
  });
  return ids;
}
