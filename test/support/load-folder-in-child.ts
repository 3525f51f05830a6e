// Child process for the kill test of a load of several files: opens the database file, then loads a tickets file and
// an events file on its tickets as one load (pipelines/load.ts `loadFiles`). It announces `step writing` as the
// transaction starts writing the events, after the tickets file's rows are written, so a kill can land between them.
import { DuckDBConnection } from '@duckdb/node-api';
import { Database } from '../../sql/db.ts';
import { loadFiles } from '../../pipelines/load.ts';
import { servicepulseEvents } from '../../pipelines/sources/servicepulse.ts';
import { zendeskTickets } from '../../pipelines/sources/zendesk.ts';

const [databasePath, tickets, events] = process.argv.slice(2) as [string, string, string];
const run = DuckDBConnection.prototype.run;
DuckDBConnection.prototype.run = function (this: DuckDBConnection, ...args: Parameters<DuckDBConnection['run']>) {
  if (/^\s*INSERT INTO ticket_events\b/.test(args[0])) process.stdout.write('step writing\n');
  return run.apply(this, args);
};
const db = await Database.open(databasePath);
const summaries = await loadFiles(db, [
  { file: tickets, mapping: zendeskTickets },
  { file: events, mapping: servicepulseEvents, source: 'zendesk' },
]);
process.stdout.write(`loaded ${summaries.map((summary) => summary.inserted).join(' ')}\n`);
await db.close();
