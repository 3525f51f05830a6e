// Ticket ids come from the load path, not a sequence: a tickets load numbers its new tickets before its transaction
// (the highest stored id plus their place in the file), an event log that creates its tickets and a messages load
// number theirs the same way inside theirs. Checked against each file loaded alone into a database of its own: in
// any order, every ticket keeps its own id, events and facts stay with their tickets, and a load that fails while
// being prepared leaves nothing behind, not even a used id.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../sql/db.ts';
import { loadFile } from '../../pipelines/load.ts';
import { mappingFromFile, readMappingFile } from '../../pipelines/mapping/file.ts';
import { zendeskTickets } from '../../pipelines/sources/zendesk.ts';
import { freshDb, loadSmallFixture, smallFixture } from '../helpers/db.ts';

const facts = vi.hoisted(() => ({ failing: false }));
vi.mock('../../sql/facts.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../sql/facts.ts')>();
  return {
    ...real,
    computeFacts: (...args: Parameters<typeof real.computeFacts>) => {
      if (facts.failing) throw new Error('facts could not be computed');
      return real.computeFacts(...args);
    },
  };
});

const xesFixtures = fileURLToPath(new URL('../fixtures/xes/', import.meta.url));
const messageFixtures = fileURLToPath(new URL('../fixtures/messages/', import.meta.url));
const italianXes = JSON.parse(readFileSync(fileURLToPath(new URL('../../pipelines/mappings/helpdesk-italian-xes.json', import.meta.url)), 'utf8'));

type LoadStep = (db: Database) => Promise<unknown>;
const loads: Record<string, LoadStep> = {
  tickets: (db) => loadSmallFixture(db),
  'event log': (db) => loadFile(db, { file: `${xesFixtures}tickets.xes`, mapping: mappingFromFile(italianXes, 'shipped mapping').mapping }),
  messages: async (db) => loadFile(db, { file: `${messageFixtures}threads.csv`, mapping: (await readMappingFile(`${messageFixtures}mapping.json`)).mapping }),
};

/** Each ticket by its key, with what hangs on its id: its events and its facts. */
const ticketsByKey = (db: Database) =>
  db.read(
    `SELECT t.source, t.external_id, t.status, t.agent_replies,
            (SELECT count(*) FROM ticket_events e WHERE e.ticket_id = t.ticket_id)::INTEGER AS events,
            (SELECT count(*) FROM ticket_facts f WHERE f.ticket_id = t.ticket_id)::INTEGER AS facts,
            (SELECT any_value(f.first_response_minutes) FROM ticket_facts f WHERE f.ticket_id = t.ticket_id) AS first_response_minutes
       FROM tickets t ORDER BY t.source, t.external_id`,
  );

const idSummary = (db: Database) =>
  db.read(
    `SELECT count(*)::INTEGER AS tickets, count(DISTINCT ticket_id)::INTEGER AS ids, min(ticket_id)::INTEGER AS lowest,
            max(ticket_id)::INTEGER AS highest,
            (SELECT count(*) FROM ticket_facts WHERE ticket_id NOT IN (SELECT ticket_id FROM tickets))::INTEGER AS stray_facts,
            (SELECT count(*) FROM ticket_events WHERE ticket_id NOT IN (SELECT ticket_id FROM tickets))::INTEGER AS stray_events
       FROM tickets`,
  );

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

const open: Database[] = [];
async function database(): Promise<Database> {
  const db = await freshDb();
  open.push(db);
  return db;
}
afterEach(async () => {
  facts.failing = false;
  await Promise.all(open.splice(0).map((db) => db.close()));
});

describe('ticket ids across a tickets load, an event log that creates its tickets and a messages load', () => {
  it.each(permutations(Object.keys(loads)).map((order) => [order.join(', then '), order] as const))('%s', async (_name, order) => {
    const alone = [];
    for (const name of order) {
      const db = await database();
      await loads[name]!(db);
      alone.push(...(await ticketsByKey(db)));
    }
    const db = await database();
    for (const name of order) await loads[name]!(db);

    const byKey = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      `${a.source}/${a.external_id}`.localeCompare(`${b.source}/${b.external_id}`, 'en');
    expect(await ticketsByKey(db)).toEqual([...alone].sort(byKey));
    expect(await idSummary(db)).toEqual([{ tickets: alone.length, ids: alone.length, lowest: 1, highest: alone.length, stray_facts: 0, stray_events: 0 }]);
  });
});

describe('a tickets load whose preparation fails', () => {
  it('stores nothing, uses no id and leaves no temp table; the same load then succeeds', async () => {
    const db = await database();
    await loadSmallFixture(db);
    const before = await ticketsByKey(db);
    const dir = mkdtempSync(join(tmpdir(), 'servicepulse-ids-'));
    const newer = join(dir, 'tickets.csv');
    const text = readFileSync(join(smallFixture, 'tickets.csv'), 'utf8');
    const [, firstRow] = text.split('\n');
    // Ticket 10004 changed, and a new ticket 10099.
    writeFileSync(newer, `${text.replace('billing,Open,Low', 'billing,Pending,High')}10099${firstRow!.slice(firstRow!.indexOf(','))}\n`);

    facts.failing = true;
    await expect(loadFile(db, { file: newer, mapping: zendeskTickets })).rejects.toThrow('facts could not be computed');
    expect(await ticketsByKey(db)).toEqual(before);
    expect(await db.read(`SELECT status FROM loads ORDER BY load_id DESC LIMIT 1`)).toEqual([{ status: 'failed' }]);
    // Temp tables live on the writer connection, which only a write reaches.
    expect(await db.write((tx) => tx.all(`SELECT table_name FROM duckdb_tables() WHERE temporary`))).toEqual([]);

    facts.failing = false;
    const summary = await loadFile(db, { file: newer, mapping: zendeskTickets });
    expect([summary.inserted, summary.updated, summary.unchanged]).toEqual([1, 1, 4]);
    expect(await db.read(`SELECT external_id, ticket_id::INTEGER AS id FROM tickets WHERE external_id IN ('10004', '10099') ORDER BY 1`)).toEqual([
      { external_id: '10004', id: 4 },
      { external_id: '10099', id: 6 },
    ]);
  });
});
