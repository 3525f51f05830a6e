// `npm run issues -- regroup`: groups every stored ticket's text afresh (pipelines/regroup-issues.ts).
import { parseArgs } from 'node:util';
import { Database, DatabaseOpenError } from '../sql/db.ts';
import { migrate } from '../sql/migrate.ts';
import { regroupIssues } from './regroup-issues.ts';

const help = `Recurring problems.

Usage: npm run issues -- regroup [--db PATH]

  regroup     group every stored ticket's subject and description afresh. Each load assigns its own tickets to
              the issues found before and never moves earlier tickets; a regroup does. Issues keep their ids where
              the majority of a new group's tickets were in one old issue; the others get new ids.
  --db PATH   the database (default SERVICEPULSE_DB or data/servicepulse.duckdb)
  -h, --help  this text
`;

function fail(message: string): never {
  console.error(`servicepulse issues: ${message}`);
  process.exit(1);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { db: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  process.stdout.write(help);
  process.exit(0);
}
if (positionals.length !== 1 || positionals[0] !== 'regroup') fail(`expected the command "regroup"\n\n${help}`);

const path = values.db ?? process.env.SERVICEPULSE_DB ?? 'data/servicepulse.duckdb';
const db = await Database.open(path).catch((error: unknown) => fail(error instanceof DatabaseOpenError ? error.message : String(error)));
try {
  await migrate(db);
  const started = Date.now();
  const s = await regroupIssues(db);
  console.log(
    `servicepulse issues: regrouped ${s.tickets.toLocaleString('en')} tickets into ${s.issues.toLocaleString('en')} issues ` +
      `(${s.kept.toLocaleString('en')} kept their id, ${s.created.toLocaleString('en')} new; ` +
      `${s.unassigned.toLocaleString('en')} tickets without words to group by) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
} finally {
  await db.close();
}
