// One measurement of `npm run bench -- issues-load`, in a process of its own (see child.ts): on a database file,
// loads the `setup` files (not timed; issues assigned, as a real database has them), then the measured file, with
// the issue assignment on or off (LoadRequest.issues), and reports its wall and CPU time.
import { loadFile } from '../pipelines/load.ts';
import { loadOrganisation } from '../pipelines/organisation/load.ts';
import { zendeskTickets } from '../pipelines/sources/zendesk.ts';
import { Database } from '../sql/db.ts';
import { migrate } from '../sql/migrate.ts';
import { childMain, peakRssKiB } from './child.ts';

export interface IssuesLoadInput {
  db: string;
  /** Migrate the fresh file and load this organisation.json first (not timed). */
  organisation?: string;
  /** Tickets exports loaded before the measured one, not timed. */
  setup: string[];
  /** The measured tickets export; absent: only the setup (a database file to copy for the measured runs). */
  file?: string;
  issues: boolean;
}

export interface IssuesLoadResult {
  seconds: number;
  cpuSeconds: number;
  inserted: number;
  assigned: number;
  baselineRssKiB: number;
}

async function measure(input: IssuesLoadInput): Promise<IssuesLoadResult> {
  const db = await Database.open(input.db);
  try {
    if (input.organisation) {
      await migrate(db);
      await loadOrganisation(db, input.organisation);
    }
    for (const file of input.setup) await loadFile(db, { file, mapping: zendeskTickets });
    const baselineRssKiB = peakRssKiB();
    if (!input.file) return { seconds: 0, cpuSeconds: 0, inserted: 0, assigned: 0, baselineRssKiB };
    const before = (await db.readOne<{ n: number }>('SELECT count(*)::INTEGER AS n FROM ticket_issues'))!.n;
    const cpu = process.cpuUsage();
    const since = performance.now();
    const summary = await loadFile(db, { file: input.file, mapping: zendeskTickets, issues: input.issues });
    const seconds = (performance.now() - since) / 1000;
    const used = process.cpuUsage(cpu);
    const after = (await db.readOne<{ n: number }>('SELECT count(*)::INTEGER AS n FROM ticket_issues'))!.n;
    return { seconds, cpuSeconds: (used.user + used.system) / 1e6, inserted: summary.inserted, assigned: after - before, baselineRssKiB };
  } finally {
    await db.close();
  }
}

await childMain(measure);
