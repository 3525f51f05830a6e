// Child process for the kill tests (a tickets file, or an events file with `events` as third argument): opens the database file, announces the load, then loads. Besides the load's
// steps it announces `step writing` as its transaction starts writing tickets, so a kill can land inside it.
import { DuckDBConnection } from '@duckdb/node-api';
import { Database } from '../../sql/db.ts';
import { loadFile } from '../../pipelines/load.ts';
import { servicepulseEvents } from '../../pipelines/sources/servicepulse.ts';
import { zendeskTickets } from '../../pipelines/sources/zendesk.ts';

const [databasePath, file, kind = 'tickets'] = process.argv.slice(2) as [string, string, string?];
const run = DuckDBConnection.prototype.run;
DuckDBConnection.prototype.run = function (this: DuckDBConnection, ...args: Parameters<DuckDBConnection['run']>) {
  if (/^\s*INSERT INTO tickets\b/.test(args[0])) process.stdout.write('step writing\n');
  return run.apply(this, args);
};
const db = await Database.open(databasePath);
const summary = await loadFile(db, {
  file, ...(kind === 'events' ? { mapping: servicepulseEvents, source: 'zendesk' } : { mapping: zendeskTickets }),
  onStep: (step) => process.stdout.write(`step ${step}\n`),
});
process.stdout.write(`loaded ${summary.inserted}\n`);
await db.close();
