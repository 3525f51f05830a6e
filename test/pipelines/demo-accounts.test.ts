// The demo's accounts: one per role (and agent2), the lead leading both agents' team, passwords that sign in, and
// the file for the browser tests readable by its owner only.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDemoAccounts, demoUsersFile } from '../../pipelines/demo/accounts.ts';
import { verifyPassword } from '../../sql/accounts/passwords.ts';
import { accountByUsername, countAccounts } from '../../sql/accounts/users.ts';
import { Database } from '../../sql/db.ts';
import { migrate } from '../../sql/migrate.ts';
import { loadSmallFixture } from '../helpers/db.ts';

let db: Database;
const path = join(mkdtempSync(join(tmpdir(), 'servicepulse-demo-accounts-')), 'demo.duckdb');

beforeAll(async () => {
  db = await Database.open(path);
  await migrate(db);
  await loadSmallFixture(db);
  // People as the demo organisation has them (pipelines/demo/organisation.ts): an admin, managers, a lead and agents per team.
  await db.write(async (tx) => {
    await tx.run(`INSERT INTO agents (agent_id, name, team_id) VALUES ('a3', 'Iva Horvat', 'zagreb'), ('a4', 'Luka Babić', 'zagreb')`);
    await tx.run(`INSERT INTO users (user_id, display_name, role, team_id, agent_id) VALUES
      ('admin', 'ServicePulse Admin', 'admin', NULL, NULL), ('m.one', 'Maja One', 'manager', NULL, NULL),
      ('l.manila', 'Lea Manila', 'lead', 'manila', 'a2'), ('l.zagreb', 'Lovro Zagreb', 'lead', 'zagreb', 'a1'),
      ('z.a4', 'Luka Babić', 'agent', 'zagreb', 'a4'), ('z.a3', 'Iva Horvat', 'agent', 'zagreb', 'a3'), ('z.none', 'No Agent', 'agent', 'zagreb', NULL)`);
  });
});
afterAll(async () => {
  await db.close();
});

it('gives one person per role an account, the lead leading the agents’ team, and writes the 0600 file', async () => {
  const accounts = await createDemoAccounts(db, path);
  expect(accounts.map((a) => [a.username, a.role, a.team_id])).toEqual([
    ['admin', 'admin', null], ['manager', 'manager', null], ['lead', 'lead', 'zagreb'], ['agent', 'agent', 'zagreb'], ['agent2', 'agent', 'zagreb'],
  ]);
  // The first two Zagreb agents by user id with an agent link: the fixture's ana.kovac (a1), then z.a3; never z.none.
  expect(accounts.find((a) => a.username === 'agent')!.agent_id).toBe('a1');
  expect(accounts.find((a) => a.username === 'agent2')!.agent_id).toBe('a3');
  expect(accounts.find((a) => a.username === 'lead')!.display_name).toBe('Lovro Zagreb');
  for (const account of accounts) {
    const stored = (await accountByUsername(db, account.username))!;
    expect(await verifyPassword(account.password, stored.password!)).toBe(true);
    expect(stored.is_demo).toBe(true);
  }
  expect(await countAccounts(db, 'demo')).toBe(5);
  const file = demoUsersFile(path);
  expect(statSync(file).mode & 0o777).toBe(0o600);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ users: accounts });
});
