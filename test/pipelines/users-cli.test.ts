// `npm run users` as an admin runs it: a child process with the password piped on stdin.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../sql/accounts/passwords.ts';
import { accountByUsername } from '../../sql/accounts/users.ts';
import { Database } from '../../sql/db.ts';
import { projectRoot } from '../support/server-process.ts';

function users(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'pipelines/users-cli.ts', ...args], { cwd: projectRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdin.end(stdin);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run users', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'servicepulse-users-')), 'sp.duckdb');

  it('adds, lists, resets and disables accounts in the database the server uses', async () => {
    const added = await users(['add', 'boss', '--role', 'admin', '--name', 'The Boss', '--password-stdin', '--db', db], 'first secret pass\n');
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain('created boss (admin)');
    const listed = await users(['list', '--db', db]);
    expect(listed.stdout).toBe('boss\tadmin\t-\tThe Boss\n');

    expect((await users(['reset', 'boss', '--password-stdin', '--db', db], 'second secret pass\n')).code).toBe(0);
    expect((await users(['disable', 'boss', '--db', db])).stdout).toContain('boss disabled');
    const opened = await Database.open(db);
    try {
      const account = (await accountByUsername(opened, 'boss'))!;
      expect(account.disabled).toBe(true);
      expect(await verifyPassword('second secret pass', account.password!)).toBe(true);
      expect(await verifyPassword('first secret pass', account.password!)).toBe(false);
    } finally {
      await opened.close();
    }
  });

  it('refuses a short password and a lead without a team, saying why', async () => {
    const short = await users(['add', 'tiny', '--role', 'manager', '--password-stdin', '--db', db], 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('at least 10 characters');
    const lead = await users(['add', 'leader', '--role', 'lead', '--password-stdin', '--db', db], 'long enough pass\n');
    expect(lead.code).toBe(1);
    expect(lead.stderr).toContain('a lead belongs to a team');
  });
});
