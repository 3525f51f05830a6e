// Accounts (issue 13): signing in and out, the signed-in person (`GET /api/auth/me`), their password, and the admin's
// users and API tokens, with the types of api/contracts.ts (what the server's answers are checked against).
import type { AccountResponse, ApiTokenResponse, NewApiTokenResponse } from '$api/contracts';
import { ApiError, fetchJson, sendJson, type FetchJsonOptions } from './client';

export const roles = ['admin', 'manager', 'lead', 'agent'] as const;
export type Role = (typeof roles)[number];

/** An account. Its ids are the organisation's (`users`, `teams`, `agents` are keyed by text ids). */
export type User = AccountResponse;

/** The dashboard's pages a role may open (`permissions.pages`). */
export type PageId = 'overview' | 'explore' | 'teams' | 'feedback' | 'report' | 'goals' | 'issues' | 'customers' | 'data' | 'suggestions' | 'users';

export interface Me {
  user: User;
  csrf_token: string;
  permissions: { pages: PageId[] };
}

export interface SignedIn {
  user: User;
  csrf_token: string;
}

/** `GET /api/auth/me`: the signed-in person, or null when nobody is (401). */
export async function me(options: FetchJsonOptions = {}): Promise<Me | null> {
  try {
    return await fetchJson<Me>('/api/auth/me', options);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** `POST /api/auth/sign-in`: a 401 is a wrong name or password, a 429 too many tries (its detail says when to retry). */
export function signIn(username: string, password: string, options: FetchJsonOptions = {}): Promise<SignedIn> {
  return sendJson<SignedIn>('POST', '/api/auth/sign-in', { username, password }, options);
}

/** `POST /api/auth/sign-out`: the session ends on the server too. */
export function signOut(options: FetchJsonOptions = {}): Promise<void> {
  return sendJson<void>('POST', '/api/auth/sign-out', undefined, options);
}

/** `POST /api/auth/password`: the person's other sessions end. */
export function changePassword(currentPassword: string, newPassword: string, options: FetchJsonOptions = {}): Promise<void> {
  return sendJson<void>('POST', '/api/auth/password', { current_password: currentPassword, new_password: newPassword }, options);
}

/** `GET /api/users` (admins). */
export async function users(options: FetchJsonOptions = {}): Promise<User[]> {
  return listOf<User>(await fetchJson<unknown>('/api/users', options), 'users');
}

export interface NewUser {
  username: string;
  display_name: string;
  role: Role;
  team_id?: string;
  agent_id?: string;
  password: string;
}

/** `POST /api/users` (admins). */
export function addUser(user: NewUser, options: FetchJsonOptions = {}): Promise<User> {
  return sendJson<User>('POST', '/api/users', user, options);
}

export type UserChange = Partial<Pick<User, 'display_name' | 'role' | 'team_id' | 'disabled'>>;

/** `PATCH /api/users/:id` (admins): e.g. `{ disabled: true }`. */
export function changeUser(id: string, change: UserChange, options: FetchJsonOptions = {}): Promise<User> {
  return sendJson<User>('PATCH', `/api/users/${encodeURIComponent(id)}`, change, options);
}

/** `POST /api/users/:id/password` (admins): sets a new password. */
export function resetPassword(id: string, password: string, options: FetchJsonOptions = {}): Promise<void> {
  return sendJson<void>('POST', `/api/users/${encodeURIComponent(id)}/password`, { password }, options);
}

export type ApiToken = ApiTokenResponse;

/** `POST /api/tokens`'s answer: the token itself is in it this once, and never again. */
export type CreatedToken = NewApiTokenResponse;

/** `GET /api/tokens` (admins). */
export async function tokens(options: FetchJsonOptions = {}): Promise<ApiToken[]> {
  return listOf<ApiToken>(await fetchJson<unknown>('/api/tokens', options), 'tokens');
}

/** `POST /api/tokens` (admins): a lead's token is for one team. */
export function createToken(name: string, role: Role, teamId: string | null, options: FetchJsonOptions = {}): Promise<CreatedToken> {
  return sendJson<CreatedToken>('POST', '/api/tokens', { name, role, ...(teamId ? { team_id: teamId } : {}) }, options);
}

/** `DELETE /api/tokens/:id` (admins). */
export function revokeToken(id: number | string, options: FetchJsonOptions = {}): Promise<void> {
  return sendJson<void>('DELETE', `/api/tokens/${encodeURIComponent(String(id))}`, undefined, options);
}

/** A list answer, bare (`[…]`) or wrapped (`{ users: […] }`): the contract names the route, not the wrapping. */
function listOf<T>(body: unknown, key: string): T[] {
  if (Array.isArray(body)) return body as T[];
  const inner = (body as Record<string, unknown> | null)?.[key];
  return Array.isArray(inner) ? (inner as T[]) : [];
}
