// One measurement of `npm run bench -- load --teams N` (load-teams.ts), in a process of its own (see child.ts): a
// fresh, migrated database file, an organisation, then the files loaded one after the other with loadFile, each
// timed, with the time DuckDB spent in the statements of business time (layout, spans, deadlines) apart.
import { Database } from '../sql/db.ts';
import { migrate } from '../sql/migrate.ts';
import { loadFile } from '../pipelines/load.ts';
import type { Mapping } from '../pipelines/mapping/types.ts';
import { loadOrganisation } from '../pipelines/organisation/load.ts';
import { demoSource } from '../pipelines/demo/seed.ts';
import { eventKinds, servicepulseEvents } from '../pipelines/sources/servicepulse.ts';
import { zendeskTickets } from '../pipelines/sources/zendesk.ts';
import { childMain, peakRssKiB } from './child.ts';
import { watchStatements } from './watch-statements.ts';

/** An ITSM-style event log that creates its tickets: the team and priority on every row (load-teams.ts writes it). */
export const eventLogMapping: Mapping = {
  source: 'itsm',
  kind: 'events',
  createsTickets: true,
  fields: {
    ticket_external_id: { column: 'case_id', type: 'text' },
    occurred_at: { column: 'timestamp', type: 'timestamp' },
    kind: { column: 'activity', type: 'enum', values: Object.fromEntries(eventKinds.map((kind) => [kind, kind])) },
    actor: { column: 'resource', type: 'text' },
    actor_kind: { column: 'resource_kind', type: 'enum', values: Object.fromEntries(['agent', 'customer', 'bot', 'system'].map((k) => [k, k])) },
    from_value: { column: 'from_value', type: 'text' },
    to_value: { column: 'to_value', type: 'text' },
    ticket_team: { column: 'team', type: 'text' },
    ticket_priority: { column: 'priority', type: 'enum', values: { Low: 'low', Normal: 'normal', High: 'high', Urgent: 'urgent' } },
  },
};

const mappings = { tickets: zendeskTickets, events: servicepulseEvents, 'event-log': eventLogMapping } as const;

export interface TeamsLoadInput {
  db: string;
  organisation: string;
  files: Array<{ file: string; mapping: keyof typeof mappings }>;
}

export interface TeamsLoadResult {
  /** Per file, in order: the loadFile call, and DuckDB's time in statements that name a business-time table. */
  files: Array<{ seconds: number; businessSeconds: number; inserted: number; rejected: number }>;
  baselineRssKiB: number;
}

const businessTime = /business_(intervals|days|day_ranges|spans|span_seconds|deadlines|deadline_at)|open_us_until/;

async function load(input: TeamsLoadInput): Promise<TeamsLoadResult> {
  const db = await Database.open(input.db);
  await migrate(db);
  await loadOrganisation(db, input.organisation);
  const baselineRssKiB = peakRssKiB();
  const files: TeamsLoadResult['files'] = [];
  for (const { file, mapping } of input.files) {
    let businessSeconds = 0;
    const start = performance.now();
    const summary = await watchStatements(
      (sql, _values, seconds) => {
        if (businessTime.test(sql)) businessSeconds += seconds;
      },
      () => loadFile(db, { file, mapping: mappings[mapping], source: mapping === 'event-log' ? 'itsm' : demoSource }),
    );
    files.push({ seconds: (performance.now() - start) / 1000, businessSeconds, inserted: summary.inserted, rejected: summary.rejected });
  }
  await db.close();
  return { files, baselineRssKiB };
}

await childMain<TeamsLoadInput, TeamsLoadResult>(load);
