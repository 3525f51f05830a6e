// Child process for the kill test: opens the database file, announces the load, then loads. Besides the load's
// steps it announces `step writing` as its transaction starts writing tickets, so a kill can land inside it.
import { DuckDBConnection } from '@duckdb/node-api';
import { Database } from '../../sql/db.ts';
import { loadFile } from '../../pipelines/load.ts';
import { zendeskTickets } from '../../pipelines/sources/zendesk.ts';

const [databasePath, file] = process.argv.slice(2) as [string, string];
const run = DuckDBConnection.prototype.run;
DuckDBConnection.prototype.run = function (this: DuckDBConnection, ...args: Parameters<DuckDBConnection['run']>) {
  if (/^\s*INSERT INTO tickets\b/.test(args[0])) process.stdout.write('step writing\n');
  return run.apply(this, args);
};
const db = await Database.open(databasePath);
const summary = await loadFile(db, { file, mapping: zendeskTickets, onStep: (step) => process.stdout.write(`step ${step}\n`) });
process.stdout.write(`loaded ${summary.inserted}\n`);
await db.close();
