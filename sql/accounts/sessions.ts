// Sessions and API tokens. The client holds a random token; the server keeps only its SHA-256, so a copy of the
// database signs no one in. A session ends 12 h after it was last seen, 7 days after sign-in, or when revoked.
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db.ts';
import { accountById, type Account, type Role } from './users.ts';

export const idleLimitMs = 12 * 3_600_000;
export const absoluteLimitMs = 7 * 24 * 3_600_000;
/** last_seen_at is written at most this often: a write per request would queue every read behind imports. */
export const lastSeenStepMs = 5 * 60_000;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const randomToken = () => randomBytes(32).toString('base64url');

export interface NewSession {
  token: string;
  csrf_token: string;
}

export async function createSession(db: Database, userId: string, now = new Date()): Promise<NewSession> {
  const token = randomToken();
  const csrf = randomToken();
  await db.write((tx) =>
    tx.run(
      `INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
       VALUES ($hash, $user, $csrf, $now::TIMESTAMPTZ, $now::TIMESTAMPTZ, $expires::TIMESTAMPTZ)`,
      { hash: sha256(token), user: userId, csrf, now: now.toISOString(), expires: new Date(now.getTime() + absoluteLimitMs).toISOString() },
    ),
  );
  return { token, csrf_token: csrf };
}

export interface LiveSession {
  token_hash: string;
  csrf_token: string;
  account: Account;
}

/** The session a cookie's token names, if it is live and its account enabled; its last sighting is noted now and then. */
export async function liveSession(db: Database, token: string, now = new Date()): Promise<LiveSession | undefined> {
  const hash = sha256(token);
  const row = await db.readOne<{ user_id: string; csrf_token: string; last_seen_ms: number }>(
    `SELECT user_id, csrf_token, epoch_ms(last_seen_at)::DOUBLE AS last_seen_ms FROM sessions
      WHERE token_hash = $hash AND revoked_at IS NULL AND expires_at > $now::TIMESTAMPTZ
        AND last_seen_at > $now::TIMESTAMPTZ - to_milliseconds($idle::BIGINT)`,
    { hash, now: now.toISOString(), idle: idleLimitMs },
  );
  if (!row) return undefined;
  const account = await accountById(db, row.user_id);
  if (!account || account.disabled) return undefined;
  if (now.getTime() - row.last_seen_ms > lastSeenStepMs) {
    // Not awaited: the request need not wait for the writer; a lost update only shortens the idle window a little.
    void db
      .write((tx) => tx.run('UPDATE sessions SET last_seen_at = $now::TIMESTAMPTZ WHERE token_hash = $hash', { hash, now: now.toISOString() }))
      .catch(() => undefined);
  }
  const { password: _p, is_demo: _d, ...publicView } = account;
  return { token_hash: hash, csrf_token: row.csrf_token, account: publicView };
}

export async function revokeSession(db: Database, tokenHash: string, now = new Date()): Promise<void> {
  await db.write((tx) => tx.run('UPDATE sessions SET revoked_at = $now::TIMESTAMPTZ WHERE token_hash = $hash AND revoked_at IS NULL', { hash: tokenHash, now: now.toISOString() }));
}

export interface ApiToken {
  id: number;
  name: string;
  role: Role;
  team_id: string | null;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked: boolean;
}

const tokenColumns = `token_id::INTEGER AS id, name, role, team_id, created_by, strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at,
  strftime(last_used_at, '%Y-%m-%dT%H:%M:%SZ') AS last_used_at, revoked_at IS NOT NULL AS revoked`;

export const apiTokenPrefix = 'sp_';

export async function createApiToken(db: Database, token: { name: string; role: Role; team_id: string | null; created_by: string }, now = new Date()): Promise<ApiToken & { token: string }> {
  const secret = `${apiTokenPrefix}${randomToken()}`;
  const row = await db.write((tx) =>
    tx.one<ApiToken & Record<string, unknown>>(
      `INSERT INTO api_tokens (token_hash, name, role, team_id, created_by, created_at)
       VALUES ($hash, $name, $role, $team, $by, $now::TIMESTAMPTZ) RETURNING ${tokenColumns}`,
      { hash: sha256(secret), name: token.name, role: token.role, team: token.team_id, by: token.created_by, now: now.toISOString() },
    ),
  );
  return { ...row!, token: secret };
}

export const listApiTokens = (db: Database) => db.read<ApiToken & Record<string, unknown>>(`SELECT ${tokenColumns} FROM api_tokens ORDER BY token_id`);

/** Whether a token was revoked now (false: no such token, or already revoked). */
export async function revokeApiToken(db: Database, id: number, now = new Date()): Promise<boolean> {
  const row = await db.write((tx) =>
    tx.one('UPDATE api_tokens SET revoked_at = $now::TIMESTAMPTZ WHERE token_id = $id AND revoked_at IS NULL RETURNING token_id', { id, now: now.toISOString() }),
  );
  return row !== undefined;
}

/** The rights a bearer token carries, as an account named after the token. */
export async function apiTokenAccount(db: Database, secret: string): Promise<Account | undefined> {
  const row = await db.readOne<ApiToken & Record<string, unknown>>(
    `SELECT ${tokenColumns}, (SELECT name FROM teams t WHERE t.team_id = api_tokens.team_id) AS team_name FROM api_tokens WHERE token_hash = $hash AND revoked_at IS NULL`,
    { hash: sha256(secret) },
  );
  if (!row) return undefined;
  return {
    id: `token:${row.id}`, username: `token:${row.name}`, display_name: `API token “${row.name}”`, role: row.role,
    team_id: row.team_id, team_name: (row.team_name as string | null) ?? null, agent_id: null, disabled: false,
  };
}
