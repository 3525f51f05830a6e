// Password hashing with scrypt (node:crypto): memory-hard, in Node itself, so no native module to build. Each hash
// keeps its salt and its cost parameters, so the cost can rise later while older hashes still verify.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export interface PasswordHash extends ScryptParams {
  salt: string;
  hash: string;
}

/**
 * N = 2^15, r = 8, p = 1: 32 MiB and some 50–100 ms a hash on this class of machine, the scrypt paper's interactive
 * sign-in cost raised one step; a guess costs an attacker the same.
 */
export const currentParams: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const keyLength = 32;
export const minPasswordLength = 10;
export const maxPasswordLength = 200;

function scrypt(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // maxmem above 128·N·r (Node's default limit is exactly 32 MiB, which N = 2^15 with r = 8 reaches).
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string, params: ScryptParams = currentParams): Promise<PasswordHash> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, params);
  return { ...params, salt: salt.toString('base64'), hash: key.toString('base64') };
}

/** Whether `password` is the one hashed, compared in constant time. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const key = await scrypt(password, Buffer.from(stored.salt, 'base64'), stored);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Whether a hash was made with less than today's cost, and is re-made at the next successful sign-in. */
export const isOutdated = (stored: ScryptParams) => stored.N < currentParams.N || stored.r < currentParams.r || stored.p < currentParams.p;

/** Why a new password is refused, or undefined. Length only: NIST SP 800-63B advises against composition rules. */
export function passwordProblem(password: string): string | undefined {
  const length = [...password].length;
  if (length < minPasswordLength) return `the password must have at least ${minPasswordLength} characters (it has ${length}).`;
  if (length > maxPasswordLength) return `the password may have at most ${maxPasswordLength} characters.`;
  return undefined;
}

/** A random password for demo accounts and resets: 16 characters from an alphabet without look-alikes. */
export function randomPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  return [...bytes].map((byte) => alphabet[byte % alphabet.length]).join('');
}
