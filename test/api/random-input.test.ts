// Random strings, numbers and dates in every parameter of every route the OpenAPI document lists, and in every
// field of its JSON bodies: no answer may be a 500. Bad input is the client's (4xx); a 500 means it reached
// somewhere (DuckDB, a parser) that failed on it. Seeded (pipelines/demo/random.ts over pure-rand), so a failure
// repeats; each one is reported with its request. fast-check would shrink a failure, but a 500 shows its cause
// in the log already, and the seeded generator the repo has needs no new dependency.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIV3_1 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { accessOf, allows } from '../../api/auth/access.ts';
import { Rng } from '../../pipelines/demo/random.ts';
import type { Database } from '../../sql/db.ts';
import { freshDb, loadSmallFixture } from '../helpers/db.ts';
import { signedIn } from '../helpers/signed-in.ts';

const seed = 10;
const requestsPerOperation = 60;

let db: Database;
let app: ReturnType<typeof createApp>;
/** Asks each operation as a role allowed to (api/auth/access.ts): a manager, else an admin; auth routes on a session of their own (sign-out ends it). */
let askerOf: (method: string, path: string) => Promise<ReturnType<typeof createApp>>;
let document: OpenAPIV3_1.Document;
const logged: unknown[] = [];

beforeAll(async () => {
  db = await freshDb();
  await loadSmallFixture(db);
  const folder = mkdtempSync(join(tmpdir(), 'servicepulse-random-'));
  const plain = createApp({ db, now: () => new Date('2026-01-20T12:00:00Z'), logError: (error) => logged.push(error), imports: { folder, uploadLimitBytes: 1 << 20 } });
  app = await signedIn(plain, db);
  const admin = await signedIn(plain, db, 'admin');
  askerOf = async (method, path) => {
    if (path.startsWith('/api/auth/')) return signedIn(plain, db);
    const access = accessOf(method.toUpperCase(), path.replace(/\{(\w+)\}/g, ':$1'));
    return access && allows(access, 'manager') ? app : admin;
  };
  document = (await (await app.request('/api/openapi.json')).json()) as OpenAPIV3_1.Document;
});
afterAll(async () => {
  await db.close();
});

type Schema = OpenAPIV3_1.SchemaObject;

const edgeNumbers = [0, -0, -1, 1, 0.5, -0.5, 1e308, -1e308, 5e-324, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e21, 123456789012345678901234567890];
const edgeTexts = ['', ' ', 'NaN', 'Infinity', '-Infinity', 'null', 'true', '0x10', '1e308', '1e-400', "'; DROP TABLE tickets; --", '"', '\\', '%', '../..', '/etc/passwd',
  '\u0000', 'ä漢字🙂', '\u202e', '-', '[]', '{}', 'a'.repeat(300), '9'.repeat(30)];
const alphabet = 'abcXYZ019-_:.,;/ +*%$#@!?()[]{}<>=~`\'"\\\u00e4\u6f22\u{1f642}\t\n';

function randomText(rng: Rng): string {
  if (rng.chance(0.4)) return rng.pick(edgeTexts);
  // The shape of a page cursor (base64url JSON), holding anything.
  if (rng.chance(0.15)) return Buffer.from(JSON.stringify([randomNumberOrDate(rng), randomNumber(rng)])).toString('base64url');
  return Array.from({ length: rng.int(1, 24) }, () => [...alphabet][rng.int(0, [...alphabet].length - 1)]).join('');
}

function randomNumber(rng: Rng): number {
  if (rng.chance(0.5)) return rng.pick(edgeNumbers);
  return rng.chance(0.5) ? rng.int(-1_000_000, 1_000_000) : (rng.float() - 0.5) * 10 ** rng.int(-10, 30);
}

const randomNumberOrDate = (rng: Rng) => (rng.chance(0.5) ? randomNumber(rng) : randomDate(rng));

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function randomDate(rng: Rng): string {
  switch (rng.int(0, 6)) {
    case 0: // a real day in any year DuckDB or JavaScript might choke on
      return `${pad(rng.int(0, 9999), 4)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
    case 1:
    case 6: // impossible days
      return rng.pick(['2024-02-30', '2023-02-29', '2024-13-45', '2024-00-10', '2024-04-31', '2024-12-32', '0000-00-00']);
    case 2: // a near range, often valid
      return `${rng.int(2023, 2026)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 31))}`;
    case 3: // other shapes
      return rng.pick(['2024-1-1', '20240101', '2024-01-01T00:00:00Z', '+002024-01-01', '-2024-01-01', '99999-01-01', '2024/01/01', 'today']);
    case 4: // instants
      return `${pad(rng.int(0, 9999), 4)}-${pad(rng.int(0, 13))}-${pad(rng.int(0, 32))}T${pad(rng.int(0, 25))}:${pad(rng.int(0, 60))}:00${rng.pick(['Z', '+14:00', '-12:00', '+99:99', ''])}`;
    default:
      return `${rng.int(1900, 2999)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
  }
}

/** Sometimes what the schema allows (to get past validation to the handler), mostly anything. */
/** Names that hold dates in this API (from, to, at, starts_on, ends_on, day). */
const dateName = /^(from|to|at|day)$|_on$/;

function randomScalar(rng: Rng, schema: Schema | undefined, name = ''): string | number | boolean | null {
  const allowed = schema?.enum ?? (schema?.anyOf as Schema[] | undefined)?.flatMap((s) => s.enum ?? []);
  if (allowed?.length && rng.chance(0.4)) return rng.pick(allowed) as string;
  // Mostly the kind the parameter is meant to hold, with values at and past its edges.
  const types = [schema?.type, ...((schema?.anyOf as Schema[] | undefined) ?? []).map((s) => s.type)].flat();
  if ((schema?.format?.startsWith('date') || dateName.test(name)) && rng.chance(0.6)) return randomDate(rng);
  if ((types.includes('number') || types.includes('integer')) && rng.chance(0.6)) return randomNumber(rng);
  switch (rng.int(0, 5)) {
    case 0:
    case 1:
      return randomText(rng);
    case 2:
    case 3:
      return randomNumber(rng);
    case 4:
      return randomDate(rng);
    default:
      return rng.pick([null, true, false]);
  }
}

function randomJson(rng: Rng, schema: Schema | undefined, name = '', depth = 0): unknown {
  if (depth < 2 && rng.chance(0.15)) return Array.from({ length: rng.int(0, 3) }, () => randomJson(rng, undefined, name, depth + 1));
  if (depth < 2 && rng.chance(0.1)) return { [randomText(rng)]: randomJson(rng, undefined, name, depth + 1) };
  return randomScalar(rng, schema, name);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The paths to every value inside `value`, containers included. */
function valuePaths(value: Json, path: Array<string | number> = []): Array<Array<string | number>> {
  const inner = Array.isArray(value)
    ? value.flatMap((item, i) => valuePaths(item, [...path, i]))
    : value !== null && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, item]) => valuePaths(item, [...path, key]))
      : [];
  return path.length ? [path, ...inner] : inner;
}

/** The template with one value anywhere inside it replaced by a random one, or one list item doubled. */
function mutated(rng: Rng, template: Json, schema: Schema | undefined): Json {
  const copy = structuredClone(template) as { [key: string]: Json };
  const path = rng.pick(valuePaths(copy));
  const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string | number, Json>)[key]!, copy) as Record<string | number, Json>;
  const key = path.at(-1)!;
  if (Array.isArray(parent) && rng.chance(0.2)) parent.push(structuredClone(parent[key as number]!));
  else {
    const fieldSchema = path.length === 1 ? (schema?.properties?.[key] as Schema | undefined) : undefined;
    parent[key] = randomJson(rng, fieldSchema, String(path.findLast((k) => typeof k === 'string') ?? '')) as Json;
  }
  return copy;
}

// Valid bodies, mutated one field at a time, reach the handler and the database where random ones stop at validation.
const templates: Record<string, Json> = {
  '/api/goals': { name: 'g', metric: 'first_response_time', stat: 'p50', comparator: '<=', target: 30, period: 'week', starts_on: '2026-01-05' },
  '/api/goals/{id}': { name: 'g', metric: 'reopen_rate', comparator: '<', target: 5, period: 'month', starts_on: '2025-12-01', scope: { channel: ['email'] } },
  '/api/teams/{id}/calendar': { weekly: { mon: [['08:00', '16:00']] }, holidays: [{ day: '2026-12-24', name: 'Eve', hours: [['08:00', '12:00']] }] },
  '/api/imports': { path: 'tickets.csv' },
  '/api/issues/{id}': { name: 'n', known_problem: { note: 'n' }, by: 'Ana' },
  '/api/issues/{id}/merge': { into: 2, by: 'Ana' },
  '/api/issues/{id}/tickets/move': { ticket_ids: [1], to: 2, by: 'Ana' },
  '/api/customers/{id}/flags/{flag}': { note: 'n', by: 'Ana' },
};
const validPathValues: Record<string, string[]> = { key: ['created', 'backlog', 'first_response_time', 'reopen_rate', 'csat'], id: ['1', '2', 'zagreb', 'manila', 'c1'], flag: ['abusive', 'legal_threat', 'vip'] };

function randomBody(rng: Rng, path: string, schema: Schema | undefined): unknown {
  const template = templates[path];
  if (template && rng.chance(0.7)) return mutated(rng, template, schema);
  if (rng.chance(0.1)) return randomJson(rng, undefined);
  return Object.fromEntries(
    Object.entries(schema?.properties ?? {})
      .filter(() => rng.chance(0.7))
      .map(([name, property]) => [name, randomJson(rng, property as Schema, name)]),
  );
}

function randomRequest(rng: Rng, path: string, method: string, operation: OpenAPIV3_1.OperationObject): { url: string; init: RequestInit } {
  const parameters = (operation.parameters ?? []) as OpenAPIV3_1.ParameterObject[];
  let url = path;
  const query = new URLSearchParams();
  for (const parameter of parameters) {
    const schema = parameter.schema as Schema | undefined;
    if (parameter.in === 'path') {
      const value = rng.chance(0.5) ? rng.pick(validPathValues[parameter.name] ?? ['1']) : String(randomScalar(rng, schema, parameter.name));
      url = url.replace(`{${parameter.name}}`, encodeURIComponent(value) || '%20');
    } else if (parameter.in === 'query' && rng.chance(0.35)) {
      for (let i = rng.chance(0.1) ? rng.int(2, 4) : 1; i > 0; i--) query.append(parameter.name, String(randomScalar(rng, schema, parameter.name)));
    }
  }
  const search = query.toString();
  const init: RequestInit = { method: method.toUpperCase() };
  const content = (operation.requestBody as OpenAPIV3_1.RequestBodyObject | undefined)?.content;
  if (content?.['application/json']) {
    init.body = JSON.stringify(randomBody(rng, path, content['application/json'].schema as Schema | undefined));
    init.headers = { 'Content-Type': 'application/json' };
  }
  return { url: search ? `${url}?${search}` : url, init };
}

describe('random input to every documented parameter', () => {
  // Sign-in and the users' routes hash passwords with scrypt (some 50–100 ms each), so this takes a while.
  it(`gives no 500 in ${requestsPerOperation} requests per operation (seed ${seed})`, { timeout: 300_000 }, async () => {
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
        const operation = item?.[method];
        if (!operation) continue;
        const rng = new Rng(seed, `${method} ${path}`);
        for (let i = 0; i < requestsPerOperation; i++) {
          const { url, init } = randomRequest(rng, path, method, operation);
          const response = await (await askerOf(method, path)).request(url, init);
          await response.arrayBuffer();
          sent++;
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status >= 500) failures.push(`${init.method} ${url} ${String(init.body ?? '').slice(0, 300)} → ${response.status}`);
        }
      }
    }
    expect(failures, `${logged.map(String).join('\n')}`).toEqual([]);
    expect(logged).toEqual([]);
    // The generator reaches past validation: successes as well as refusals.
    expect(sent).toBe(62 * requestsPerOperation); // every documented operation: the ten of suggestions, the four of goal proposals and POST /api/teams, PUT /api/teams/:id included
    expect(statuses.get(200) ?? 0).toBeGreaterThan(50);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(100);
  });
});
