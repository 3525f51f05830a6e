// The worked events-mapping example of docs/importing.md: its log and mapping (docs/examples/worked-events.*) load,
// and the facts equal the table the docs state, worked out by hand there. The table is read from the docs themselves,
// so that the docs cannot drift from what the load does.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFile, type LoadSummary } from '../../../pipelines/load.ts';
import { readMappingFile } from '../../../pipelines/mapping/file.ts';
import type { Database } from '../../../sql/db.ts';
import { freshDb } from '../../helpers/db.ts';

const docs = (path: string) => fileURLToPath(new URL(`../../../docs/${path}`, import.meta.url));
const importing = readFileSync(docs('importing.md'), 'utf8');

/** The rows of the facts table between the docs' markers, cells as written. */
function documentedFacts(): Record<string, string>[] {
  const table = /<!-- worked-example-facts -->\n([\s\S]*?)<!-- \/worked-example-facts -->/.exec(importing)?.[1];
  if (!table) throw new Error('docs/importing.md has no worked-example-facts table');
  const [header, , ...rows] = table.trim().split('\n').map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
  return rows.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i]!])));
}

let db: Database;
let summary: LoadSummary;
beforeAll(async () => {
  db = await freshDb();
  const { mapping, timeZone } = await readMappingFile(docs('examples/worked-events.mapping.json'));
  summary = await loadFile(db, { file: docs('examples/worked-events.csv'), mapping, timeZone });
});
afterAll(async () => {
  await db.close();
});

const minutes = (value: number | null) => (value === null ? '–' : String(value));
const yesNo = (value: boolean | null) => (value === null ? '–' : value ? 'yes' : 'no');

describe('the worked events-mapping example', () => {
  it('shows the files it loads, as they are', () => {
    for (const file of ['worked-events.csv', 'worked-events.mapping.json']) {
      expect(importing).toContain(readFileSync(docs(`examples/${file}`), 'utf8').trim());
    }
  });

  it('loads every row and warns about the agents it created and the ticket closed without a solve', () => {
    expect(summary).toMatchObject({ rowsRead: 22, inserted: 22, rejected: 0, ticketsCreated: 4 });
    // No organisation file is loaded: the two agents the rows name are created (pipelines/unknown-names.ts).
    expect(summary.agentsCreated).toBe(2);
    expect(summary.warnings).toEqual([
      expect.stringMatching(/^2 agents the organisation file does not name were created: "ana", "ben"/),
      expect.stringMatching(/^1 ticket was closed but never solved/),
    ]);
  });

  it('gives the facts the docs state', async () => {
    const rows = await db.read<{
      external_id: string; status: string; first_response: number | null; first_resolution: number | null; full_resolution: number | null;
      requester_wait: number | null; agent_wait: number | null; agent_replies: number; reopens: number; team_stations: number;
      escalations: number; level: number; is_escalated: boolean; is_fcr: boolean | null;
    }>(
      `SELECT t.external_id, t.status, f.first_response_minutes AS first_response, f.first_resolution_minutes AS first_resolution,
              f.full_resolution_minutes AS full_resolution, f.requester_wait_minutes AS requester_wait, f.agent_wait_minutes AS agent_wait,
              f.agent_replies, f.reopens, f.team_stations, f.escalations, f.escalation_level_max::INTEGER AS level, f.is_escalated, f.is_fcr
         FROM tickets t JOIN ticket_facts f USING (ticket_id) ORDER BY t.external_id`,
    );
    expect(rows.map((r) => ({
      case: r.external_id, status: r.status, 'first response': minutes(r.first_response), 'first resolution': minutes(r.first_resolution),
      'full resolution': minutes(r.full_resolution), 'requester wait': minutes(r.requester_wait), 'agent wait': minutes(r.agent_wait),
      'agent replies': String(r.agent_replies), reopens: String(r.reopens), 'team stations': String(r.team_stations),
      escalations: String(r.escalations), 'highest level': String(r.level), escalated: yesNo(r.is_escalated), 'first contact': yesNo(r.is_fcr),
    }))).toEqual(documentedFacts());
  });
});
