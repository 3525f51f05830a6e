// Child process for the kill tests: opens the database file, then loads — a tickets file; an events file (`events` as
// third argument); or a tickets file and an events file on its tickets as one load (`folder`, the events file fourth).
// Besides the load's steps it announces `step writing` as its transaction starts writing: the tickets of a one-file
// load, the events of the folder (after its tickets are written), so that a kill can land inside the transaction.
import { DuckDBConnection } from '@duckdb/node-api';
import { Database } from '../../sql/db.ts';
import { loadFiles, type LoadRequest } from '../../pipelines/load.ts';
import { servicepulseEvents } from '../../pipelines/sources/servicepulse.ts';
import { zendeskTickets } from '../../pipelines/sources/zendesk.ts';

const [databasePath, file, kind = 'tickets', eventsFile] = process.argv.slice(2) as [string, string, string?, string?];
const writing = kind === 'folder' ? /^\s*INSERT INTO ticket_events\b/ : /^\s*INSERT INTO tickets\b/;
const run = DuckDBConnection.prototype.run;
DuckDBConnection.prototype.run = function (this: DuckDBConnection, ...args: Parameters<DuckDBConnection['run']>) {
  if (writing.test(args[0])) process.stdout.write('step writing\n');
  return run.apply(this, args);
};
const events = (path: string): LoadRequest => ({ file: path, mapping: servicepulseEvents, source: 'zendesk' });
const requests: LoadRequest[] = {
  tickets: [{ file, mapping: zendeskTickets }],
  events: [events(file)],
  folder: [{ file, mapping: zendeskTickets }, events(eventsFile!)],
}[kind as 'tickets' | 'events' | 'folder'];
const db = await Database.open(databasePath);
const summaries = await loadFiles(db, requests.map((request) => ({ ...request, onStep: (step) => process.stdout.write(`step ${step}\n`) })));
process.stdout.write(`loaded ${summaries.map((summary) => summary.inserted).join(' ')}\n`);
await db.close();
