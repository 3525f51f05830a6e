// `npm run users -- add|list|reset|disable`: accounts from the command line, for the first admin and for when no
// admin can sign in. Passwords are typed at a hidden prompt or piped (--password-stdin), never given as arguments,
// which the shell history and the process list would keep.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { hashPassword, passwordProblem } from '../sql/accounts/passwords.ts';
import { AccountError, accountByUsername, createAccount, listAccounts, roles, setPassword, updateAccount, type Role } from '../sql/accounts/users.ts';
import { Database, DatabaseOpenError } from '../sql/db.ts';
import { migrate } from '../sql/migrate.ts';

export const usersHelp = `Accounts.

Usage: npm run users -- <command> [options]

  add <username> --role admin|manager|lead|agent [--name "Display Name"] [--team TEAM_ID] [--agent AGENT_ID]
              create an account; a lead or agent needs --team, an agent's own tickets are --agent's
  list        every account, its role, team and whether it is disabled
  reset <username>
              set a new password (the account's sessions end)
  disable <username>
              disable an account (its sessions end); \`enable <username>\` undoes it

  --password-stdin  read the password from the first line of standard input instead of a hidden prompt
  --db PATH         the database (default SERVICEPULSE_DB or data/servicepulse.duckdb, as the server)
  -h, --help        this text

The server holds its database file while it runs: stop it first, or let an admin use the Users page.
Example (the first admin):  npm run users -- add admin --role admin --name "Site Admin"
`;

function fail(message: string): never {
  console.error(`servicepulse users: ${message}`);
  process.exit(1);
}

/** A line from the terminal without echoing it, or the first line of stdin when piped. */
async function readSecret(prompt: string, fromStdin: boolean): Promise<string> {
  const hidden = !fromStdin && process.stdin.isTTY;
  if (!fromStdin && !process.stdin.isTTY) fail('no terminal to ask for the password: pipe it with --password-stdin');
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const lines = createInterface({ input: process.stdin, output: hidden ? output : undefined, terminal: hidden });
  if (hidden) process.stderr.write(prompt);
  muted = hidden;
  const line = await new Promise<string>((resolve) => {
    lines.once('line', resolve);
    lines.once('close', () => resolve(''));
  });
  lines.close();
  if (hidden) process.stderr.write('\n');
  return line;
}

async function newPassword(fromStdin: boolean): Promise<string> {
  const password = await readSecret('New password: ', fromStdin);
  const problem = passwordProblem(password);
  if (problem) fail(problem);
  if (!fromStdin && (await readSecret('Again: ', false)) !== password) fail('the two passwords differ');
  return password;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    team: { type: 'string' },
    agent: { type: 'string' },
    'password-stdin': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  process.stdout.write(usersHelp);
  process.exit(0);
}
const [command, username] = positionals;
const commands = ['add', 'list', 'reset', 'disable', 'enable'];
if (!command || !commands.includes(command)) fail(`expected one of ${commands.join(', ')}\n\n${usersHelp}`);
if (command !== 'list' && !username) fail(`${command} needs a user name\n\n${usersHelp}`);

const path = values.db ?? process.env.SERVICEPULSE_DB ?? 'data/servicepulse.duckdb';
const db = await Database.open(path).catch((error: unknown) => fail(error instanceof DatabaseOpenError ? error.message : String(error)));
try {
  await migrate(db);
  const fromStdin = values['password-stdin'] ?? false;
  if (command === 'list') {
    const accounts = await listAccounts(db);
    if (accounts.length === 0) console.log('No accounts yet. Create the first admin: npm run users -- add admin --role admin');
    for (const a of accounts) {
      console.log(`${a.username}\t${a.role}\t${a.team_id ?? '-'}\t${a.display_name}${a.disabled ? '\t(disabled)' : ''}`);
    }
  } else if (command === 'add') {
    const role = values.role as Role | undefined;
    if (!role || !roles.includes(role)) fail(`add needs --role, one of ${roles.join(', ')}`);
    const password = await hashPassword(await newPassword(fromStdin));
    const account = await createAccount(db, { username: username!, display_name: values.name ?? username!, role, team_id: values.team ?? null, agent_id: values.agent ?? null, password });
    console.log(`servicepulse users: created ${account.username} (${account.role}${account.team_id ? `, team ${account.team_id}` : ''}).`);
  } else {
    const account = await accountByUsername(db, username!);
    if (!account) fail(`there is no account "${username}" (npm run users -- list)`);
    if (command === 'reset') {
      await setPassword(db, account.id, await hashPassword(await newPassword(fromStdin)));
      console.log(`servicepulse users: new password set for ${username}; its sessions ended.`);
    } else {
      await updateAccount(db, account.id, { disabled: command === 'disable' });
      console.log(`servicepulse users: ${username} ${command === 'disable' ? 'disabled; its sessions ended' : 'enabled'}.`);
    }
  }
} catch (error) {
  if (error instanceof AccountError) fail(error.message);
  throw error;
} finally {
  await db.close();
}
