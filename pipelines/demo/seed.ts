// Seeds a database with the demo organisation: generates the export files, then loads them through
// the same load path a user's exports take, and sets its service goals (goals.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../sql/db.ts';
import { loadFile, type LoadSummary } from '../load.ts';
import { loadOrganisation } from '../organisation/load.ts';
import { servicepulseEvents, servicepulseFeedback } from '../sources/servicepulse.ts';
import { zendeskTickets } from '../sources/zendesk.ts';
import { DEFAULT_END, generateDemo } from './generate.ts';
import { seedDemoGoals } from './goals.ts';
import { linkDemoSuggestionsToIssues } from './suggestion-links.ts';

export interface SeedOptions {
  tickets: number;
  seed?: number;
  /** The demo's last day; the server passes today so the demo looks current. */
  end?: Date;
  log?: (line: string) => void;
  /** Write the export files here and keep them; by default they go to a temporary folder that is removed. */
  dir?: string;
}

/** The demo is loaded as a Zendesk account would be: tickets export, event log and survey results. */
export const demoSource = 'zendesk';

export async function isEmpty(db: Database): Promise<boolean> {
  const row = await db.readOne<{ empty: boolean }>('SELECT (SELECT count(*) FROM tickets) = 0 AND (SELECT count(*) FROM teams) = 0 AS empty');
  return row?.empty ?? true;
}

export async function seedDemo(db: Database, options: SeedOptions): Promise<LoadSummary[]> {
  const log = options.log ?? (() => {});
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'servicepulse-demo-')));
  try {
    const manifest = await generateDemo({ tickets: options.tickets, seed: options.seed, end: options.end, outDir: dir });
    await loadOrganisation(db, manifest.files.organisation);
    const summaries: LoadSummary[] = [];
    for (const [file, mapping] of [
      [manifest.files.tickets, zendeskTickets],
      [manifest.files.events, servicepulseEvents],
      [manifest.files.feedback, servicepulseFeedback],
    ] as const) {
      const summary = await loadFile(db, { file, mapping, source: demoSource });
      log(`  ${mapping.kind}: ${summary.inserted.toLocaleString('en')} rows in ${summary.seconds.toFixed(1)} s`);
      summaries.push(summary);
    }
    const linked = await linkDemoSuggestionsToIssues(db);
    log(`  suggestions: ${linked} linked to the recurring problem they are about`);
    const goals = await seedDemoGoals(db, options.end ?? DEFAULT_END);
    log(`  goals: ${goals} set from the demo's own past periods`);
    return summaries;
  } finally {
    if (!options.dir) await rm(dir, { recursive: true, force: true });
  }
}
