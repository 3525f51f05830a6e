// Accounts: the `users` rows with a user name (migration 010). Passwords arrive here already hashed
// (api/auth/passwords.ts); nothing in this file sees a password.
import type { Database, Query } from '../db.ts';
import type { PasswordHash } from './passwords.ts';

export const roles = ['admin', 'manager', 'lead', 'agent'] as const;
export type Role = (typeof roles)[number];

/** An account as the API shows it (never its hash). */
export interface Account {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  team_id: string | null;
  team_name: string | null;
  agent_id: string | null;
  disabled: boolean;
}

export interface StoredAccount extends Account {
  password: PasswordHash | null;
  is_demo: boolean;
}

export class AccountError extends Error {
  override name = 'AccountError';
  constructor(message: string, readonly status: 404 | 409 | 422 = 422) {
    super(message);
  }
}

const selectAccount = `
  SELECT u.user_id AS id, u.username, u.display_name, u.role, u.team_id, t.name AS team_name, u.agent_id,
         u.disabled_at IS NOT NULL AS disabled, coalesce(u.is_demo, false) AS is_demo,
         u.password_hash AS hash, u.password_salt AS salt, u.scrypt_n AS "N", u.scrypt_r AS r, u.scrypt_p AS p
    FROM users u LEFT JOIN teams t ON t.team_id = u.team_id`;

type AccountRow = Account & Record<string, unknown> & { is_demo: boolean; hash: string | null; salt: string | null; N: number | null; r: number | null; p: number | null };

function stored(row: AccountRow): StoredAccount {
  const { hash, salt, N, r, p, ...account } = row;
  return { ...account, password: hash && salt && N && r && p ? { hash, salt, N, r, p } : null };
}

export function publicAccount({ password: _password, is_demo: _demo, ...account }: StoredAccount): Account {
  return account;
}

export async function accountByUsername(db: Database | Query, username: string): Promise<StoredAccount | undefined> {
  const row = await readOne<AccountRow>(db, `${selectAccount} WHERE u.username = $username`, { username });
  return row && stored(row);
}

export async function accountById(db: Database | Query, id: string): Promise<StoredAccount | undefined> {
  const row = await readOne<AccountRow>(db, `${selectAccount} WHERE u.user_id = $id AND u.username IS NOT NULL`, { id });
  return row && stored(row);
}

export async function listAccounts(db: Database): Promise<Account[]> {
  const rows = await db.read<AccountRow>(`${selectAccount} WHERE u.username IS NOT NULL ORDER BY u.username`);
  return rows.map((row) => publicAccount(stored(row)));
}

export async function countAccounts(db: Database, which: 'all' | 'demo' = 'all'): Promise<number> {
  const row = await db.readOne<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM users WHERE username IS NOT NULL${which === 'demo' ? ' AND is_demo' : ''}`,
  );
  return row?.n ?? 0;
}

function readOne<T extends Record<string, unknown>>(db: Database | Query, sql: string, params: Record<string, string>): Promise<T | undefined> {
  return 'readOne' in db ? db.readOne<T>(sql, params) : db.one<T>(sql, params);
}

export interface NewAccount {
  username: string;
  display_name: string;
  role: Role;
  team_id?: string | null;
  agent_id?: string | null;
  password: PasswordHash;
  is_demo?: boolean;
  /** Give an existing person of the organisation (a `users` row without a user name) this account. */
  user_id?: string;
}

/** Checks that would otherwise leave an account that cannot work: a lead or agent without a team, unknown ids. */
async function checkPlacement(tx: Query, role: Role, teamId: string | null, agentId: string | null): Promise<void> {
  if ((role === 'lead' || role === 'agent') && teamId === null) throw new AccountError(`team_id: a ${role} belongs to a team.`);
  if (teamId !== null && !(await tx.one('SELECT 1 FROM teams WHERE team_id = $teamId', { teamId }))) {
    throw new AccountError(`team_id: there is no team "${teamId}".`);
  }
  if (agentId !== null && !(await tx.one('SELECT 1 FROM agents WHERE agent_id = $agentId', { agentId }))) {
    throw new AccountError(`agent_id: there is no agent "${agentId}".`);
  }
}

export async function createAccount(db: Database, account: NewAccount, now = new Date()): Promise<Account> {
  const id = account.user_id ?? account.username;
  await db.write(async (tx) => {
    if (await tx.one('SELECT 1 FROM users WHERE username = $username', { username: account.username })) {
      throw new AccountError(`username: "${account.username}" is taken.`, 409);
    }
    const teamId = account.team_id ?? null;
    const agentId = account.agent_id ?? null;
    await checkPlacement(tx, account.role, teamId, agentId);
    const existing = await tx.one<{ username: string | null }>('SELECT username FROM users WHERE user_id = $id', { id });
    if (existing?.username) throw new AccountError(`The person "${id}" already has the account "${existing.username}".`, 409);
    const values = {
      id, username: account.username, display_name: account.display_name, role: account.role, team_id: teamId, agent_id: agentId,
      hash: account.password.hash, salt: account.password.salt, n: account.password.N, r: account.password.r, p: account.password.p,
      at: now.toISOString(), demo: account.is_demo ?? false,
    };
    const columns = `username = $username, display_name = $display_name, role = $role, team_id = $team_id, agent_id = $agent_id,
      password_hash = $hash, password_salt = $salt, scrypt_n = $n, scrypt_r = $r, scrypt_p = $p,
      password_changed_at = $at::TIMESTAMPTZ, is_demo = $demo, disabled_at = NULL`;
    if (existing) await tx.run(`UPDATE users SET ${columns} WHERE user_id = $id`, values);
    else {
      await tx.run(
        `INSERT INTO users (user_id, username, display_name, role, team_id, agent_id, password_hash, password_salt, scrypt_n, scrypt_r, scrypt_p,
                            password_changed_at, is_demo, created_at)
         VALUES ($id, $username, $display_name, $role, $team_id, $agent_id, $hash, $salt, $n, $r, $p, $at::TIMESTAMPTZ, $demo, $at::TIMESTAMPTZ)`,
        values,
      );
    }
  });
  return publicAccount((await accountById(db, id))!);
}

export interface AccountChange {
  display_name?: string;
  role?: Role;
  team_id?: string | null;
  agent_id?: string | null;
  disabled?: boolean;
}

/** Changes an account; disabling it (or changing its role or team) ends its sessions, so the change holds at once. */
export async function updateAccount(db: Database, id: string, change: AccountChange, now = new Date()): Promise<Account> {
  await db.write(async (tx) => {
    const current = await accountById(tx, id);
    if (!current) throw new AccountError(`There is no account "${id}".`, 404);
    const role = change.role ?? current.role;
    const teamId = change.team_id === undefined ? current.team_id : change.team_id;
    const agentId = change.agent_id === undefined ? current.agent_id : change.agent_id;
    await checkPlacement(tx, role, teamId, agentId);
    const disabledAt = change.disabled === undefined ? undefined : change.disabled ? now.toISOString() : null;
    await tx.run(
      `UPDATE users SET display_name = $display_name, role = $role, team_id = $team_id, agent_id = $agent_id
         ${disabledAt === undefined ? '' : ', disabled_at = $disabled_at::TIMESTAMPTZ'}
       WHERE user_id = $id`,
      {
        id, display_name: change.display_name ?? current.display_name, role, team_id: teamId, agent_id: agentId,
        ...(disabledAt === undefined ? {} : { disabled_at: disabledAt }),
      },
    );
    if (change.disabled || role !== current.role || teamId !== current.team_id || agentId !== current.agent_id) {
      await revokeSessionsOf(tx, id, now);
    }
  });
  return publicAccount((await accountById(db, id))!);
}

/**
 * Sets a new password and ends the account's sessions but `keepSession` (the one that changed it). `keepSession:
 * 'all'` keeps every session: the same password hashed again at today's cost (api/routes/auth.ts, at sign-in).
 */
export async function setPassword(db: Database, id: string, password: PasswordHash, now = new Date(), keepSession?: string | 'all'): Promise<void> {
  await db.write(async (tx) => {
    if (!(await tx.one('SELECT 1 FROM users WHERE user_id = $id AND username IS NOT NULL', { id }))) throw new AccountError(`There is no account "${id}".`, 404);
    await tx.run(
      `UPDATE users SET password_hash = $hash, password_salt = $salt, scrypt_n = $n, scrypt_r = $r, scrypt_p = $p, password_changed_at = $at::TIMESTAMPTZ
        WHERE user_id = $id`,
      { id, hash: password.hash, salt: password.salt, n: password.N, r: password.r, p: password.p, at: now.toISOString() },
    );
    if (keepSession !== 'all') await revokeSessionsOf(tx, id, now, keepSession);
  });
}

async function revokeSessionsOf(tx: Query, id: string, now: Date, keep?: string): Promise<void> {
  await tx.run(
    `UPDATE sessions SET revoked_at = $at::TIMESTAMPTZ WHERE user_id = $id AND revoked_at IS NULL${keep ? ' AND token_hash <> $keep' : ''}`,
    { id, at: now.toISOString(), ...(keep ? { keep } : {}) },
  );
}
