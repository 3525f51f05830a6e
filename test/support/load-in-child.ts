// Child process for the kill test: opens the database file, announces the load, then loads.
import { Database } from '../../sql/db.ts';
import { loadFile } from '../../pipelines/load.ts';
import { zendeskTickets } from '../../pipelines/sources/zendesk.ts';

const [databasePath, file] = process.argv.slice(2) as [string, string];
const db = await Database.open(databasePath);
const summary = await loadFile(db, { file, mapping: zendeskTickets, onStep: (step) => process.stdout.write(`step ${step}\n`) });
process.stdout.write(`loaded ${summary.inserted}\n`);
await db.close();
