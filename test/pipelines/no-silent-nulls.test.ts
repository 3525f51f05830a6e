// No mapped value vanishes without a word: files of each kind that map every canonical field
// (pipelines/mapping/canonical.ts, read here, so a new field is covered as soon as it exists) with a value in every
// cell load with every stored column those fields feed set. A field that is deliberately not stored says why below;
// a field this test does not know fails it until its stored column (or the reason it has none) is declared.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../sql/db.ts';
import { loadFile, type LoadSummary } from '../../pipelines/load.ts';
import { canonicalFields, vocabularies } from '../../pipelines/mapping/canonical.ts';
import type { FieldSpec, LoadKind, Mapping } from '../../pipelines/mapping/types.ts';
import { freshDb } from '../helpers/db.ts';

const dir = mkdtempSync(join(tmpdir(), 'servicepulse-no-silent-nulls-'));

/** Values that make a consistent ticket, event, message or answer; any other field gets one of its type. */
const chosen: Record<LoadKind, Record<string, string>> = {
  tickets: {
    external_id: 'X1', created_at: '2026-03-02T09:00:00Z', first_response_at: '2026-03-02T10:00:00Z', solved_at: '2026-03-02T11:00:00Z',
    closed_at: '2026-03-02T12:00:00Z', updated_at: '2026-03-02T12:30:00Z', due_at: '2026-03-03T09:00:00Z', status: 'closed',
    team: 'A team nobody listed', assignee: 'An agent nobody listed', agent_replies: '2', team_stations: '2', assignee_stations: '2', tags: 'vpn|login',
  },
  events: {
    ticket_external_id: 'E1', occurred_at: '2026-03-02T09:30:00Z', kind: 'team_change', actor_kind: 'agent', from_value: 'Desk', to_value: 'Hardware',
    ticket_team: 'Hardware',
  },
  messages: { external_id: 'M1', sent_at: '2026-03-02T09:10:00Z', author_side: 'agent', reply_to_external_id: 'M0' },
  feedback: { ticket_external_id: 'X1', submitted_at: '2026-03-02T13:00:00Z', kind: 'csat', score: '4', scale_max: '5' },
};

function valueOf(kind: LoadKind, field: string): string {
  const type = canonicalFields[kind].types[field]!;
  return chosen[kind][field] ?? vocabularies[kind][field]?.[0] ?? ({ VARCHAR: `${field} value`, TIMESTAMPTZ: '2026-03-02T09:00:00Z', INTEGER: '1', DOUBLE: '1', 'VARCHAR[]': 'a|b' } as Record<string, string>)[type]!;
}

function specOf(kind: LoadKind, field: string): FieldSpec {
  const vocabulary = vocabularies[kind][field];
  if (vocabulary) return { column: field, type: 'enum', values: Object.fromEntries(vocabulary.map((v) => [v, v])) };
  // The ENUM-typed fields (an event's kind and actor kind) have vocabularies: they never get here.
  return ({
    VARCHAR: { column: field, type: 'text' as const },
    TIMESTAMPTZ: { column: field, type: 'timestamp' as const },
    INTEGER: { column: field, type: 'integer' as const },
    DOUBLE: { column: field, type: 'number' as const },
    'VARCHAR[]': { column: field, type: 'list' as const, separator: '|' },
  } as Record<string, FieldSpec>)[canonicalFields[kind].types[field]!]!;
}

/** A file of one row with every canonical field of the kind, each in a column of its name, and its mapping. */
function everyField(kind: LoadKind, source: string, extra: Partial<Mapping> = {}): { file: string; mapping: Mapping } {
  const fields = Object.keys(canonicalFields[kind].types);
  const file = join(dir, `${kind}-${source}.csv`);
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
  writeFileSync(file, `${fields.join(',')}\n${fields.map((f) => quote(valueOf(kind, f))).join(',')}\n`);
  return { file, mapping: { source, kind, fields: Object.fromEntries(fields.map((f) => [f, specOf(kind, f)])), ...extra } };
}

const notStored = (why: string) => ({ notStored: why });
type Stored = string | { notStored: string };

/**
 * Where each field's value is stored, as an expression over the loaded row (`t` the ticket, `f` its facts, `e` the
 * event, `fb` the survey answer), or why it is not.
 */
const storedAs: Record<LoadKind, { from: string; columns: Record<string, Stored> }> = {
  tickets: {
    from: `tickets t JOIN ticket_facts f USING (ticket_id) WHERE t.source = 'desk' AND t.external_id = 'X1'`,
    columns: {
      external_id: 't.external_id', subject: 't.subject', description: 't.description', created_at: 't.created_at', updated_at: 't.updated_at',
      first_response_at: 't.first_response_at', solved_at: 't.solved_at', closed_at: 't.closed_at', status: 't.status', channel: 't.channel',
      priority: 't.priority', category: 't.category', subcategory: 't.subcategory', tags: 't.tags', requester_id: 't.requester_id',
      requester_name: notStored('it only tells whether an agent opened the ticket (submitter ≠ requester), created_by_agent'),
      requester_kind: 't.requester_kind', organization: 't.organization', assignee: 't.assignee_id', team: 't.team_id',
      submitter: notStored('it only tells whether an agent opened the ticket, created_by_agent'),
      due_at: 't.due_at', agent_replies: 't.agent_replies', reopens: 't.reopens', team_stations: 'f.team_stations', assignee_stations: 'f.assignee_stations',
      // The source's counters as changes (stations − 1): with both forms mapped, the changes stand (tickets-prepare.sql).
      team_changes: 'f.team_stations', assignee_changes: 'f.assignee_stations',
    },
  },
  events: {
    from: `ticket_events e JOIN tickets t USING (ticket_id) WHERE t.source = 'itsm' AND t.external_id = 'E1'`,
    columns: {
      ticket_external_id: 'e.ticket_id', occurred_at: 'e.occurred_at', kind: 'e.kind', actor: 'e.actor', actor_kind: 'e.actor_kind',
      from_value: 'e.from_value', to_value: 'e.to_value', ticket_subject: 't.subject', ticket_channel: 't.channel', ticket_priority: 't.priority',
      ticket_category: 't.category', ticket_subcategory: 't.subcategory', ticket_team: 't.team_id', ticket_requester_id: 't.requester_id',
      support_level: 'e.support_level',
    },
  },
  messages: {
    from: `ticket_events e JOIN tickets t USING (ticket_id) WHERE t.source = 'chat' AND e.message_id = 'M1'`,
    columns: {
      external_id: 'e.message_id', sent_at: 'e.occurred_at', author_id: 'e.actor', author_side: 'e.actor_kind',
      reply_to_external_id: "CASE WHEN t.external_id = 'M0' THEN t.external_id END",
      text: notStored("a reply's text is no ticket attribute: the thread's first message's text is its ticket's description"),
      channel: notStored("the thread's first message's channel is its ticket's"),
    },
  },
  feedback: {
    from: `feedback fb WHERE fb.source = 'desk'`,
    columns: {
      external_id: 'fb.external_id', ticket_external_id: 'fb.ticket_id', submitted_at: 'fb.submitted_at', kind: 'fb.kind', score: 'fb.score',
      scale_max: 'fb.scale_max', comment: 'fb.comment', channel: 'fb.channel',
    },
  },
};

let db: Database;
const summaries = {} as Record<LoadKind, LoadSummary>;
beforeAll(async () => {
  db = await freshDb();
  for (const [kind, source, extra] of [['tickets', 'desk', {}], ['events', 'itsm', { createsTickets: true }], ['feedback', 'desk', {}]] as const) {
    const { file, mapping } = everyField(kind, source, extra);
    summaries[kind] = await loadFile(db, { file, mapping });
  }
  // The message M1 replies to: a thread's first message has no reply-to link, so it cannot have every cell.
  const root = join(dir, 'root.csv');
  writeFileSync(root, 'external_id,sent_at,author_id,author_side\nM0,2026-03-02T09:00:00Z,customer-1,customer\n');
  await loadFile(db, { file: root, mapping: { source: 'chat', kind: 'messages', fields: everyField('messages', 'chat').mapping.fields } });
  const { file, mapping } = everyField('messages', 'chat');
  summaries.messages = await loadFile(db, { file, mapping });
});
afterAll(async () => {
  await db.close();
});

describe('a survey answer naming a ticket the source does not have', () => {
  it('is stored without its ticket, and the load says so', async () => {
    const file = join(dir, 'unlinked.csv');
    writeFileSync(file, 'external_id,ticket_external_id,submitted_at,kind,score,scale_max\nF2,NOPE,2026-03-02T13:00:00Z,csat,5,5\nF3,X1,2026-03-02T13:00:00Z,csat,3,5\n');
    const { mapping } = everyField('feedback', 'desk');
    const summary = await loadFile(db, { file, mapping });
    expect(summary.warnings).toEqual([
      '1 survey answer names a ticket that source "desk" does not have (e.g. "NOPE"): stored without a ticket, so ticket filters ' +
        'leave it out. Load the tickets first, or name their helpdesk with --for-source',
    ]);
    expect(await db.read(`SELECT external_id, ticket_id IS NULL AS unlinked FROM feedback WHERE external_id IN ('F2', 'F3') ORDER BY 1`)).toEqual([
      { external_id: 'F2', unlinked: true },
      { external_id: 'F3', unlinked: false },
    ]);
  });

  it('counts every such answer, names the smallest missing ticket id, and leaves out answers naming none', async () => {
    const file = join(dir, 'unlinked-many.csv');
    // Three answers name missing tickets (ZED, ABSENT, ZED again), one names X1 (stored), one names no ticket at all.
    writeFileSync(file, 'external_id,ticket_external_id,submitted_at,kind,score,scale_max\n' +
      'F4,ZED,2026-03-02T13:00:00Z,csat,5,5\nF5,X1,2026-03-02T13:00:00Z,csat,4,5\nF6,ABSENT,2026-03-02T13:00:00Z,csat,2,5\n' +
      'F7,,2026-03-02T13:00:00Z,csat,1,5\nF8,ZED,2026-03-02T13:00:00Z,csat,3,5\n');
    const { mapping } = everyField('feedback', 'desk');
    const summary = await loadFile(db, { file, mapping });
    expect(summary.warnings).toEqual([
      '3 survey answers name a ticket that source "desk" does not have (e.g. "ABSENT"): stored without a ticket, so ticket filters ' +
        'leave them out. Load the tickets first, or name their helpdesk with --for-source',
    ]);
    expect(await db.read(`SELECT external_id, ticket_id IS NULL AS unlinked FROM feedback WHERE external_id IN ('F4', 'F5', 'F6', 'F7', 'F8') ORDER BY 1`)).toEqual([
      { external_id: 'F4', unlinked: true },
      { external_id: 'F5', unlinked: false },
      { external_id: 'F6', unlinked: true },
      { external_id: 'F7', unlinked: true },
      { external_id: 'F8', unlinked: true },
    ]);
  });
});

describe.each(Object.keys(canonicalFields) as LoadKind[])('a %s file mapping every canonical field', (kind) => {
  it('declares where each field is stored, or why it is not', () => {
    expect(Object.keys(canonicalFields[kind].types).filter((field) => !(field in storedAs[kind].columns))).toEqual([]);
  });

  it('loads its row, and stores every mapped value', async () => {
    expect(summaries[kind].rejected, JSON.stringify(summaries[kind].topRejects)).toBe(0);
    const stored = Object.entries(storedAs[kind].columns).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
    const [row] = await db.read<Record<string, boolean>>(
      `SELECT ${stored.map(([field, expression]) => `${expression} IS NULL AS "${field}"`).join(', ')} FROM ${storedAs[kind].from}`,
    );
    expect(row, 'the loaded row').toBeDefined();
    expect(Object.keys(row!).filter((field) => row![field])).toEqual([]);
  });
});
