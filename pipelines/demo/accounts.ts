// The demo's accounts: one person of the demo organisation per role gets a user name (admin, manager, lead, agent,
// agent2) and a random password, printed at start and written to `<db>.demo-users.json` (mode 0600) for the browser
// tests. The lead leads the team both agents are in. They are marked demo accounts: a server listening beyond this
// machine refuses to start while one exists (api/security/exposure.ts).
import { chmodSync, writeFileSync } from 'node:fs';
import { hashPassword, randomPassword } from '../../sql/accounts/passwords.ts';
import { createAccount, type Role } from '../../sql/accounts/users.ts';
import type { Database } from '../../sql/db.ts';

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  display_name: string;
  team_id: string | null;
  agent_id: string | null;
}

interface Person {
  user_id: string;
  display_name: string;
  team_id: string | null;
  agent_id: string | null;
}

export const demoUsersFile = (databasePath: string) => `${databasePath}.demo-users.json`;

/** Picks the people: the lead of the first team (by id) that has a lead and two agents linked to the data. */
async function demoPeople(db: Database): Promise<Array<[string, Role, Person]>> {
  const person = (sql: string) => db.read<Person & Record<string, unknown>>(`SELECT user_id, display_name, team_id, agent_id FROM users WHERE ${sql} ORDER BY user_id`);
  const [admin] = await person(`role = 'admin'`);
  const [manager] = await person(`role = 'manager'`);
  const [lead] = await person(`role = 'lead' AND team_id IN (SELECT team_id FROM users WHERE role = 'agent' AND agent_id IS NOT NULL GROUP BY team_id HAVING count(*) >= 2)`);
  if (!admin || !manager || !lead) throw new Error('the demo organisation has no admin, manager, or lead of a team with two agents');
  const [agent, agent2] = await db.read<Person & Record<string, unknown>>(
    `SELECT user_id, display_name, team_id, agent_id FROM users WHERE role = 'agent' AND agent_id IS NOT NULL AND team_id = $team ORDER BY user_id LIMIT 2`,
    { team: lead.team_id },
  );
  return [['admin', 'admin', admin], ['manager', 'manager', manager], ['lead', 'lead', lead], ['agent', 'agent', agent!], ['agent2', 'agent', agent2!]];
}

/** Gives the demo's people their accounts; writes the file beside a database on disk. Returns them with their passwords. */
export async function createDemoAccounts(db: Database, databasePath: string): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  for (const [username, role, person] of await demoPeople(db)) {
    const password = randomPassword();
    await createAccount(db, { username, user_id: person.user_id, display_name: person.display_name, role, team_id: person.team_id, agent_id: person.agent_id, password: await hashPassword(password), is_demo: true });
    accounts.push({ username, password, role, display_name: person.display_name, team_id: person.team_id, agent_id: person.agent_id });
  }
  if (databasePath !== ':memory:') {
    const file = demoUsersFile(databasePath);
    writeFileSync(file, `${JSON.stringify({ users: accounts }, null, 2)}\n`, { mode: 0o600 });
    chmodSync(file, 0o600); // an older file keeps its mode through writeFileSync
  }
  return accounts;
}

/** The lines printed at start. */
export function demoAccountLines(accounts: DemoAccount[], databasePath: string): string[] {
  return [
    `Demo accounts (passwords shown this once${databasePath === ':memory:' ? '' : `; also in ${demoUsersFile(databasePath)}`}):`,
    ...accounts.map((a) => `  ${a.username.padEnd(8)} ${a.password}  ${a.role}${a.team_id ? ` in ${a.team_id}` : ''} (${a.display_name})`),
  ];
}
