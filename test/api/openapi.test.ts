// /api/openapi.json: a valid OpenAPI 3.1 document that describes every route of the app, and whose
// response schemas real answers (through app.request) satisfy: status, media type and body.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileErrors, validate } from '@readme/openapi-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { OpenAPIV3_1 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { dimensionNames } from '../../sql/metrics/dimensions.ts';
import { metrics } from '../../sql/metrics/registry.ts';
import type { Database } from '../../sql/db.ts';
import { freshDb, loadSmallFixture, smallFixture } from '../helpers/db.ts';
import { signedIn } from '../helpers/signed-in.ts';

let db: Database;
let app: ReturnType<typeof createApp>;
/** The same app unsigned, as an admin, and a fresh manager session per request (for sign-out). */
const askers = {} as Record<'anonymous' | 'admin' | 'lead', ReturnType<typeof createApp>> & { fresh: () => Promise<ReturnType<typeof createApp>> };
let document: OpenAPIV3_1.Document;

beforeAll(async () => {
  db = await freshDb();
  await loadSmallFixture(db);
  const folder = mkdtempSync(join(tmpdir(), 'servicepulse-openapi-'));
  const plain = createApp({ db, now: () => new Date('2024-03-20T12:00:00Z'), logError: (error) => { throw error; }, imports: { folder, uploadLimitBytes: 1 << 20 } });
  app = await signedIn(plain, db);
  askers.anonymous = plain;
  askers.admin = await signedIn(plain, db, 'admin');
  askers.lead = await signedIn(plain, db, 'lead', { team_id: 'zagreb' });
  askers.fresh = () => signedIn(plain, db, 'manager');
  const response = await app.request('/api/openapi.json');
  expect(response.status).toBe(200);
  document = (await response.json()) as OpenAPIV3_1.Document;
});
afterAll(async () => {
  await db.close();
});

const methods = ['get', 'put', 'post', 'delete', 'patch'] as const;
type Method = (typeof methods)[number];

function operation(path: string, method: Method): OpenAPIV3_1.OperationObject {
  const found = document.paths?.[path]?.[method];
  if (!found) throw new Error(`${method.toUpperCase()} ${path} is not in the document`);
  return found;
}

describe('the document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  it('describes every /api route the app registers, and nothing else', () => {
    const registered = new Set(
      app.routes
        .filter((route) => route.method !== 'ALL' && route.path.startsWith('/api/') && route.path !== '/api/openapi.json')
        .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set(
      Object.entries(document.paths ?? {}).flatMap(([path, item]) => methods.filter((method) => item?.[method]).map((method) => `${method} ${path}`)),
    );
    expect([...documented].sort()).toEqual([...registered].sort());
    // health, metrics (list, series, distribution, heatmap), tickets (list, one), goals (5), goal proposals (list, propose, accept, decline), overview, backlog, data extent,
    // feedback comments and score distribution, teams (list, create, change, calendar, save calendar), imports (4), issues (list, one, its tickets), the lead's actions on
    // issues (4), customers (repeat, flagged, flag, unflag), auth (sign-in, sign-out, me, password), users (4), tokens (3),
    // suggestions (list, submit, one, edit, vote, unvote, comment, edit a comment, move, impact).
    expect(registered.size).toBe(62);
  });

  it('names every dimension filter and the registry keys as the metric enum', () => {
    const series = operation('/api/metrics/{key}', 'get');
    const parameters = (series.parameters ?? []) as OpenAPIV3_1.ParameterObject[];
    const query = parameters.filter((p) => p.in === 'query').map((p) => p.name);
    expect(query).toEqual(expect.arrayContaining([...dimensionNames, 'grain', 'by', 'from', 'to', 'stat', 'hours', 'variant']));
    const key = parameters.find((p) => p.in === 'path' && p.name === 'key');
    expect((key?.schema as OpenAPIV3_1.SchemaObject).enum).toEqual([...metrics.keys()]);
    expect(key?.required).toBe(true);

    const tickets = (operation('/api/tickets', 'get').parameters ?? []) as OpenAPIV3_1.ParameterObject[];
    expect(tickets.map((p) => p.name)).toEqual(expect.arrayContaining([...dimensionNames, 'metric', 'cursor', 'limit', 'sort']));
    expect((tickets.find((p) => p.name === 'metric')?.schema as OpenAPIV3_1.SchemaObject).enum).toEqual([...metrics.keys()]);
  });

  it("says a holiday's day is the team's local date, in the calendar it answers and in the one it takes", () => {
    const schemas = document.components?.schemas ?? {};
    const resolve = (schema: unknown) => {
      const ref = (schema as OpenAPIV3_1.ReferenceObject).$ref;
      return (ref ? schemas[ref.split('/').pop()!] : schema) as OpenAPIV3_1.SchemaObject;
    };
    const holidayDay = (calendar: OpenAPIV3_1.SchemaObject) =>
      resolve((resolve(calendar.properties!.holidays) as OpenAPIV3_1.ArraySchemaObject).items).properties!.day as OpenAPIV3_1.SchemaObject;
    const answered = resolve((operation('/api/teams/{id}/calendar', 'get').responses!['200'] as OpenAPIV3_1.ResponseObject).content!['application/json']!.schema);
    const taken = resolve((operation('/api/teams/{id}/calendar', 'put').requestBody as OpenAPIV3_1.RequestBodyObject).content['application/json']!.schema);
    for (const calendar of [answered, taken]) {
      expect(resolve(holidayDay(calendar)).description).toMatch(/^The team's local date \(YYYY-MM-DD\) in the team's time zone/);
    }
  });

  it('describes request bodies: a goal as JSON, an import as an upload or a path', () => {
    const goal = operation('/api/goals', 'post').requestBody as OpenAPIV3_1.RequestBodyObject;
    expect(Object.keys(goal.content)).toEqual(['application/json']);
    const imports = operation('/api/imports', 'post').requestBody as OpenAPIV3_1.RequestBodyObject;
    expect(Object.keys(imports.content).sort()).toEqual(['application/json', 'multipart/form-data']);
    const upload = imports.content['multipart/form-data']!.schema as OpenAPIV3_1.SchemaObject;
    expect(upload.required).toContain('file');
    expect(Object.keys(upload.properties ?? {})).toEqual(expect.arrayContaining(['source', 'mapping', 'dry_run']));
  });
});

/** Validates bodies against the document's own schemas, its components resolvable by $ref. */
function bodyValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'doc', components: document.components }, 'doc');
  return (schema: object, body: unknown) => {
    const rewritten = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/')) as object;
    const check = ajv.compile(rewritten);
    return check(body) ? null : ajv.errorsText(check.errors);
  };
}

interface Case {
  method: Method;
  /** The documented path the request goes to. */
  path: string;
  url: string;
  init?: RequestInit;
  status: number;
  /** Who asks: a signed-in manager unless named. */
  as?: 'anonymous' | 'admin' | 'lead' | 'fresh';
}

const ticketsCsv = readFileSync(join(smallFixture, 'tickets.csv'));
const goal = { name: 'First replies within a day', metric: 'first_response_time', stat: 'p90', comparator: '<=', target: 1440, period: 'month', starts_on: '2024-01-01' };
const asJson = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
function upload(): RequestInit {
  const body = new FormData();
  body.append('dry_run', 'true');
  body.append('file', new Blob([ticketsCsv]), 'tickets.csv');
  return { method: 'POST', body };
}

// In order: the goal created early is read, replaced and archived later.
const cases: Case[] = [
  { method: 'get', path: '/api/health', url: '/api/health', status: 200 },
  { method: 'get', path: '/api/health', url: 'http://rebound.example/api/health', status: 403 },
  { method: 'get', path: '/api/metrics', url: '/api/metrics', status: 200 },
  { method: 'get', path: '/api/metrics/{key}', url: '/api/metrics/created?grain=month&by=channel&from=2024-01-01&to=2024-04-01', status: 200 },
  { method: 'get', path: '/api/metrics/{key}', url: '/api/metrics/first_response_time?stat=p90&hours=business&channel=email&channel=web', status: 200 },
  { method: 'get', path: '/api/metrics/{key}', url: '/api/metrics/nope', status: 404 },
  { method: 'get', path: '/api/metrics/{key}', url: '/api/metrics/created?grain=year', status: 400 },
  { method: 'get', path: '/api/metrics/{key}/distribution', url: '/api/metrics/first_response_time/distribution?from=2026-01-01&to=2026-02-01', status: 200 },
  { method: 'get', path: '/api/metrics/{key}/distribution', url: '/api/metrics/reopen_rate/distribution', status: 400 },
  { method: 'get', path: '/api/metrics/{key}/distribution', url: '/api/metrics/nope/distribution', status: 404 },
  { method: 'get', path: '/api/metrics/{key}/heatmap', url: '/api/metrics/first_response_time/heatmap?from=2026-01-01&to=2026-02-01&channel=email', status: 200 },
  { method: 'get', path: '/api/metrics/{key}/heatmap', url: '/api/metrics/csat/heatmap', status: 400 },
  { method: 'get', path: '/api/overview', url: '/api/overview?from=2026-01-12&to=2026-01-19&channel=email', status: 200 },
  { method: 'get', path: '/api/overview', url: '/api/overview?from=someday', status: 400 },
  { method: 'get', path: '/api/backlog', url: '/api/backlog?at=2026-01-14T09:30:00Z', status: 200 },
  { method: 'get', path: '/api/backlog', url: '/api/backlog?at=yesterday', status: 400 },
  { method: 'get', path: '/api/data/extent', url: '/api/data/extent', status: 200 },
  { method: 'get', path: '/api/feedback/comments', url: '/api/feedback/comments?from=2026-01-01&to=2026-02-01&q=again&kind=csat&team=manila', status: 200 },
  { method: 'get', path: '/api/feedback/comments', url: '/api/feedback/comments?score_min=eleven', status: 400 },
  { method: 'get', path: '/api/feedback/{key}/distribution', url: '/api/feedback/csat/distribution?from=2026-01-01&to=2026-02-01&team=zagreb', status: 200 },
  { method: 'get', path: '/api/feedback/{key}/distribution', url: '/api/feedback/nps/distribution?to=2026-13-01', status: 400 },
  { method: 'get', path: '/api/feedback/{key}/distribution', url: '/api/feedback/first_response_time/distribution', status: 404 },
  { method: 'get', path: '/api/issues', url: '/api/issues?from=2026-01-01&to=2026-02-01&channel=email&sort=cost', status: 200 },
  { method: 'get', path: '/api/issues', url: '/api/issues?rising_alpha=2', status: 400 },
  { method: 'get', path: '/api/issues/{id}', url: '/api/issues/1?from=2026-01-01&to=2026-02-01', status: 200 },
  { method: 'get', path: '/api/issues/{id}', url: '/api/issues/999', status: 404 },
  { method: 'get', path: '/api/issues/{id}/tickets', url: '/api/issues/1/tickets?from=2026-01-01&to=2026-02-01', status: 200 },
  { method: 'get', path: '/api/issues/{id}/tickets', url: '/api/issues/1/tickets?from=2026-01-01&to=2026-02-01', init: { headers: { Accept: 'text/csv' } }, status: 200 },
  { method: 'get', path: '/api/issues/{id}/tickets', url: '/api/issues/999/tickets', status: 404 },
  { method: 'get', path: '/api/teams', url: '/api/teams', status: 200 },
  { method: 'post', path: '/api/teams', url: '/api/teams', init: asJson('POST', { team_id: 'night', name: 'Night', time_zone: 'UTC' }), status: 201, as: 'admin' },
  { method: 'post', path: '/api/teams', url: '/api/teams', init: asJson('POST', { team_id: 'dawn', name: 'Dawn', time_zone: 'Mars/Base' }), status: 400, as: 'admin' },
  { method: 'post', path: '/api/teams', url: '/api/teams', init: asJson('POST', { team_id: 'night', name: 'Night 2', time_zone: 'UTC' }), status: 409, as: 'admin' },
  { method: 'post', path: '/api/teams', url: '/api/teams', init: asJson('POST', { team_id: 'dusk', name: 'Dusk', time_zone: 'UTC' }), status: 403 },
  { method: 'put', path: '/api/teams/{id}', url: '/api/teams/night', init: asJson('PUT', { name: 'Night', time_zone: 'UTC', provider_kind: 'in_house', provider_name: null, support_level: 2, is_escalation_team: false }), status: 200, as: 'admin' },
  { method: 'put', path: '/api/teams/{id}', url: '/api/teams/nowhere', init: asJson('PUT', { name: 'Nowhere', time_zone: 'UTC', provider_kind: 'in_house', support_level: 1, is_escalation_team: false }), status: 404, as: 'admin' },
  { method: 'put', path: '/api/teams/{id}', url: '/api/teams/night', init: asJson('PUT', { name: 'Zagreb Support', time_zone: 'UTC', provider_kind: 'in_house', support_level: 1, is_escalation_team: false }), status: 409, as: 'admin' },
  { method: 'get', path: '/api/teams/{id}/calendar', url: '/api/teams/zagreb/calendar', status: 200 },
  { method: 'get', path: '/api/teams/{id}/calendar', url: '/api/teams/nowhere/calendar', status: 404 },
  { method: 'put', path: '/api/teams/{id}/calendar', url: '/api/teams/manila/calendar', init: asJson('PUT', { weekly: { mon: [['07:00', '19:00']], sat: [['09:00', '13:00']] }, holidays: [] }), status: 200, as: 'admin' },
  { method: 'put', path: '/api/teams/{id}/calendar', url: '/api/teams/manila/calendar', init: asJson('PUT', { weekly: { mon: [['19:00', '07:00']] } }), status: 400, as: 'admin' },
  { method: 'put', path: '/api/teams/{id}/calendar', url: '/api/teams/manila/calendar', init: asJson('PUT', { weekly: { mon: [['07:00', '19:00']] } }), status: 403 },
  { method: 'get', path: '/api/tickets', url: '/api/tickets?metric=first_response_time&from=2024-01-01&to=2024-04-01&limit=2', status: 200 },
  { method: 'get', path: '/api/tickets', url: '/api/tickets?from=2024-01-01&to=2024-04-01', init: { headers: { Accept: 'text/csv' } }, status: 200 },
  { method: 'get', path: '/api/tickets', url: '/api/tickets?from=2024-01-01&to=2024-04-01', init: { headers: { Accept: 'application/vnd.apache.arrow.stream' } }, status: 200 },
  { method: 'get', path: '/api/tickets', url: '/api/tickets?metric=nope', status: 400 },
  { method: 'get', path: '/api/tickets', url: '/api/tickets?metric=csat&score=5&scale_max=5&from=2026-01-01&to=2026-02-01', status: 200 },
  { method: 'get', path: '/api/tickets/{id}', url: '/api/tickets/3', status: 200 },
  { method: 'get', path: '/api/tickets/{id}', url: '/api/tickets/999999', status: 404 },
  { method: 'get', path: '/api/tickets/{id}', url: '/api/tickets/-1', status: 400 },
  { method: 'post', path: '/api/goals', url: '/api/goals', init: asJson('POST', goal), status: 201 },
  { method: 'post', path: '/api/goals', url: '/api/goals', init: asJson('POST', { ...goal, stat: 'value' }), status: 400 },
  { method: 'post', path: '/api/goals', url: '/api/goals', init: { ...asJson('POST', goal), headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' } }, status: 403 },
  { method: 'get', path: '/api/goals', url: '/api/goals', status: 200 },
  { method: 'get', path: '/api/goals/{id}', url: '/api/goals/1', status: 200 },
  { method: 'get', path: '/api/goals/{id}', url: '/api/goals/99', status: 404 },
  { method: 'get', path: '/api/goals/{id}', url: '/api/goals/x', status: 400 },
  { method: 'put', path: '/api/goals/{id}', url: '/api/goals/1', init: asJson('PUT', { ...goal, target: 720 }), status: 200 },
  { method: 'put', path: '/api/goals/{id}', url: '/api/goals/99', init: asJson('PUT', goal), status: 404 },
  { method: 'delete', path: '/api/goals/{id}', url: '/api/goals/1', init: { method: 'DELETE' }, status: 204 },
  { method: 'post', path: '/api/goals/proposals', url: '/api/goals/proposals', init: asJson('POST', { ...goal, name: 'Proposed' }), status: 201, as: 'lead' },
  { method: 'post', path: '/api/goals/proposals', url: '/api/goals/proposals', init: asJson('POST', { ...goal, scope: { team: ['manila'] } }), status: 403, as: 'lead' },
  { method: 'post', path: '/api/goals/proposals', url: '/api/goals/proposals', init: asJson('POST', { ...goal, stat: 'value' }), status: 400, as: 'lead' },
  { method: 'post', path: '/api/goals/proposals', url: '/api/goals/proposals', init: asJson('POST', { ...goal, name: 'Another' }), status: 201, as: 'lead' },
  { method: 'get', path: '/api/goals/proposals', url: '/api/goals/proposals', status: 200, as: 'lead' },
  { method: 'get', path: '/api/goals/proposals', url: '/api/goals/proposals?status=pending', status: 200 },
  { method: 'get', path: '/api/goals/proposals', url: '/api/goals/proposals?status=maybe', status: 400 },
  { method: 'post', path: '/api/goals/proposals/{id}/decline', url: '/api/goals/proposals/1/decline', init: asJson('POST', {}), status: 400 },
  { method: 'post', path: '/api/goals/proposals/{id}/decline', url: '/api/goals/proposals/1/decline', init: asJson('POST', { reason: 'Not now.' }), status: 200 },
  { method: 'post', path: '/api/goals/proposals/{id}/decline', url: '/api/goals/proposals/1/decline', init: asJson('POST', { reason: 'Again.' }), status: 409 },
  { method: 'post', path: '/api/goals/proposals/{id}/accept', url: '/api/goals/proposals/2/accept', init: { method: 'POST' }, status: 200 },
  { method: 'post', path: '/api/goals/proposals/{id}/accept', url: '/api/goals/proposals/2/accept', init: { method: 'POST' }, status: 409 },
  { method: 'post', path: '/api/goals/proposals/{id}/accept', url: '/api/goals/proposals/99/accept', init: { method: 'POST' }, status: 404 },
  { method: 'post', path: '/api/imports', url: '/api/imports', init: upload(), status: 202 },
  { method: 'post', path: '/api/imports', url: '/api/imports', init: { method: 'POST', body: 'x', headers: { 'Content-Type': 'text/plain' } }, status: 415 },
  { method: 'post', path: '/api/imports', url: '/api/imports', init: asJson('POST', { path: 'missing.csv' }), status: 404 },
  { method: 'get', path: '/api/imports', url: '/api/imports?limit=2', status: 200 },
  { method: 'get', path: '/api/imports', url: '/api/imports?limit=0', status: 400 },
  { method: 'get', path: '/api/imports/{id}', url: '/api/imports/1', status: 200 },
  { method: 'get', path: '/api/imports/{id}', url: '/api/imports/999', status: 404 },
  { method: 'get', path: '/api/imports/{id}/rejects', url: '/api/imports/1/rejects?limit=5', status: 200 },
  { method: 'get', path: '/api/imports/{id}/rejects', url: '/api/imports/999/rejects', status: 404 },
  // The small fixture's five tickets are issues 1–5, one ticket each.
  { method: 'patch', path: '/api/issues/{id}', url: '/api/issues/1', init: asJson('PATCH', { name: 'Invoices', known_problem: { note: 'FAQ 3' }, by: 'Ana' }), status: 200 },
  { method: 'patch', path: '/api/issues/{id}', url: '/api/issues/1', init: asJson('PATCH', { by: 'Ana' }), status: 400 },
  { method: 'patch', path: '/api/issues/{id}', url: '/api/issues/999', init: asJson('PATCH', { name: 'x', by: 'Ana' }), status: 404 },
  { method: 'post', path: '/api/issues/{id}/merge', url: '/api/issues/2/merge', init: asJson('POST', { into: 1, by: 'Ana' }), status: 200 },
  { method: 'post', path: '/api/issues/{id}/merge', url: '/api/issues/2/merge', init: asJson('POST', { into: 1, by: 'Ana' }), status: 409 },
  { method: 'post', path: '/api/issues/{id}/merge', url: '/api/issues/3/merge', init: asJson('POST', { into: 3, by: 'Ana' }), status: 422 },
  { method: 'post', path: '/api/issues/{id}/tickets/move', url: '/api/issues/3/tickets/move', init: asJson('POST', { ticket_ids: [3], to: null, name: 'Split', by: 'Ana' }), status: 200 },
  { method: 'post', path: '/api/issues/{id}/tickets/move', url: '/api/issues/4/tickets/move', init: asJson('POST', { ticket_ids: [3], to: 1, by: 'Ana' }), status: 422 },
  { method: 'get', path: '/api/issues/{id}/history', url: '/api/issues/1/history', status: 200 },
  { method: 'get', path: '/api/issues/{id}/history', url: '/api/issues/999/history', status: 404 },
  { method: 'get', path: '/api/customers/repeat', url: '/api/customers/repeat?from=2026-01-01&to=2026-02-01', status: 200 },
  { method: 'get', path: '/api/customers/repeat', url: '/api/customers/repeat?limit=0', status: 400 },
  { method: 'put', path: '/api/customers/{id}/flags/{flag}', url: '/api/customers/c1/flags/abusive', init: asJson('PUT', { by: 'Ana', note: 'Shouted' }), status: 200 },
  { method: 'put', path: '/api/customers/{id}/flags/{flag}', url: '/api/customers/c9/flags/abusive', init: asJson('PUT', { by: 'Ana' }), status: 404 },
  { method: 'put', path: '/api/customers/{id}/flags/{flag}', url: '/api/customers/c1/flags/rude', init: asJson('PUT', { by: 'Ana' }), status: 400 },
  { method: 'get', path: '/api/customers/flagged', url: '/api/customers/flagged', status: 200 },
  { method: 'delete', path: '/api/customers/{id}/flags/{flag}', url: '/api/customers/c1/flags/abusive', init: asJson('DELETE', { by: 'Ana' }), status: 200 },
  { method: 'delete', path: '/api/customers/{id}/flags/{flag}', url: '/api/customers/c1/flags/abusive', init: asJson('DELETE', { by: 'Ana' }), status: 404 },
  // Suggestions: the fixture's suggestion 1 is Ana Kovač's; the manager submits 2 and comments on it (comment 1).
  { method: 'post', path: '/api/suggestions', url: '/api/suggestions', init: asJson('POST', { title: 'Callback queue', body: 'Offer callbacks at peaks.', anonymous: true, issue_id: 1 }), status: 201 },
  { method: 'post', path: '/api/suggestions', url: '/api/suggestions', init: asJson('POST', { title: '', body: 'x' }), status: 400 },
  { method: 'post', path: '/api/suggestions', url: '/api/suggestions', init: asJson('POST', { title: 'x'.repeat(201), body: 'x' }), status: 422 },
  { method: 'get', path: '/api/suggestions', url: '/api/suggestions?sort=votes&status=new,accepted', status: 200 },
  { method: 'get', path: '/api/suggestions', url: '/api/suggestions?sort=best', status: 400 },
  { method: 'get', path: '/api/suggestions/{id}', url: '/api/suggestions/2', status: 200 },
  { method: 'get', path: '/api/suggestions/{id}', url: '/api/suggestions/999', status: 404 },
  { method: 'patch', path: '/api/suggestions/{id}', url: '/api/suggestions/2', init: asJson('PATCH', { title: 'Callbacks at peaks' }), status: 200 },
  { method: 'patch', path: '/api/suggestions/{id}', url: '/api/suggestions/1', init: asJson('PATCH', { title: 'Not mine' }), status: 403 },
  { method: 'post', path: '/api/suggestions/{id}/vote', url: '/api/suggestions/2/vote', init: { method: 'POST' }, status: 200 },
  { method: 'post', path: '/api/suggestions/{id}/vote', url: '/api/suggestions/2/vote', init: { method: 'POST' }, status: 409 },
  { method: 'delete', path: '/api/suggestions/{id}/vote', url: '/api/suggestions/2/vote', init: { method: 'DELETE' }, status: 200 },
  { method: 'delete', path: '/api/suggestions/{id}/vote', url: '/api/suggestions/2/vote', init: { method: 'DELETE' }, status: 409 },
  { method: 'post', path: '/api/suggestions/{id}/comments', url: '/api/suggestions/2/comments', init: asJson('POST', { body: 'Pilot in London first?' }), status: 201 },
  { method: 'post', path: '/api/suggestions/{id}/comments', url: '/api/suggestions/999/comments', init: asJson('POST', { body: 'x' }), status: 404 },
  { method: 'patch', path: '/api/suggestions/{id}/comments/{commentId}', url: '/api/suggestions/2/comments/1', init: asJson('PATCH', { body: 'Pilot in Zagreb first?' }), status: 200 },
  { method: 'patch', path: '/api/suggestions/{id}/comments/{commentId}', url: '/api/suggestions/2/comments/99', init: asJson('PATCH', { body: 'x' }), status: 404 },
  { method: 'post', path: '/api/suggestions/{id}/move', url: '/api/suggestions/2/move', init: asJson('POST', { to: 'under_review', response: 'Looking into it.' }), status: 200 },
  { method: 'post', path: '/api/suggestions/{id}/move', url: '/api/suggestions/2/move', init: asJson('POST', { to: 'implemented' }), status: 409 },
  { method: 'post', path: '/api/suggestions/{id}/move', url: '/api/suggestions/2/move', init: asJson('POST', { to: 'declined' }), status: 422 },
  { method: 'get', path: '/api/suggestions/{id}/impact', url: '/api/suggestions/1/impact', status: 200 },
  { method: 'get', path: '/api/suggestions/{id}/impact', url: '/api/suggestions/999/impact', status: 404 },
  // Accounts: the signed-in manager is test-manager, password "correct horse battery" (test/helpers/signed-in.ts).
  { method: 'post', path: '/api/auth/sign-in', url: '/api/auth/sign-in', init: asJson('POST', { username: 'test-manager', password: 'correct horse battery' }), status: 200, as: 'anonymous' },
  { method: 'post', path: '/api/auth/sign-in', url: '/api/auth/sign-in', init: asJson('POST', { username: 'test-manager', password: 'not the password' }), status: 401, as: 'anonymous' },
  { method: 'post', path: '/api/auth/sign-in', url: '/api/auth/sign-in', init: asJson('POST', { username: 'test-manager' }), status: 400, as: 'anonymous' },
  { method: 'get', path: '/api/auth/me', url: '/api/auth/me', status: 200 },
  { method: 'get', path: '/api/auth/me', url: '/api/auth/me', status: 401, as: 'anonymous' },
  { method: 'post', path: '/api/auth/sign-out', url: '/api/auth/sign-out', init: { method: 'POST' }, status: 204, as: 'fresh' },
  { method: 'post', path: '/api/auth/password', url: '/api/auth/password', init: asJson('POST', { current_password: 'wrong password', new_password: 'a new long password' }), status: 422 },
  { method: 'post', path: '/api/auth/password', url: '/api/auth/password', init: asJson('POST', { current_password: 'correct horse battery', new_password: 'a new long password' }), status: 204 },
  { method: 'get', path: '/api/users', url: '/api/users', status: 200, as: 'admin' },
  { method: 'get', path: '/api/users', url: '/api/users', status: 403 },
  { method: 'post', path: '/api/users', url: '/api/users', init: asJson('POST', { username: 'zoe', display_name: 'Zoe', role: 'lead', team_id: 'zagreb', password: 'a long password' }), status: 201, as: 'admin' },
  { method: 'post', path: '/api/users', url: '/api/users', init: asJson('POST', { username: 'zoe', display_name: 'Zoe', role: 'lead', team_id: 'zagreb', password: 'a long password' }), status: 409, as: 'admin' },
  { method: 'post', path: '/api/users', url: '/api/users', init: asJson('POST', { username: 'Bad Name', display_name: 'Zoe', role: 'lead', password: 'x' }), status: 400, as: 'admin' },
  { method: 'patch', path: '/api/users/{id}', url: '/api/users/zoe', init: asJson('PATCH', { display_name: 'Zoë' }), status: 200, as: 'admin' },
  { method: 'patch', path: '/api/users/{id}', url: '/api/users/nobody', init: asJson('PATCH', { display_name: 'x' }), status: 404, as: 'admin' },
  { method: 'patch', path: '/api/users/{id}', url: '/api/users/zoe', init: asJson('PATCH', { team_id: 'nowhere' }), status: 422, as: 'admin' },
  { method: 'post', path: '/api/users/{id}/password', url: '/api/users/zoe/password', init: asJson('POST', { password: 'another long password' }), status: 204, as: 'admin' },
  { method: 'post', path: '/api/users/{id}/password', url: '/api/users/zoe/password', init: asJson('POST', { password: 'short' }), status: 422, as: 'admin' },
  { method: 'post', path: '/api/tokens', url: '/api/tokens', init: asJson('POST', { name: 'export', role: 'manager' }), status: 201, as: 'admin' },
  { method: 'post', path: '/api/tokens', url: '/api/tokens', init: asJson('POST', { name: 'export', role: 'lead' }), status: 422, as: 'admin' },
  { method: 'get', path: '/api/tokens', url: '/api/tokens', status: 200, as: 'admin' },
  { method: 'delete', path: '/api/tokens/{id}', url: '/api/tokens/1', init: { method: 'DELETE' }, status: 204, as: 'admin' },
  { method: 'delete', path: '/api/tokens/{id}', url: '/api/tokens/1', init: { method: 'DELETE' }, status: 404, as: 'admin' },
];

describe('real answers match the documented responses', () => {
  it('covers a success of every documented operation', () => {
    const documented = Object.entries(document.paths ?? {}).flatMap(([path, item]) => methods.filter((m) => item?.[m]).map((m) => `${m} ${path}`));
    const succeeding = new Set(cases.filter((c) => c.status < 300).map((c) => `${c.method} ${c.path}`));
    expect(documented.filter((op) => !succeeding.has(op))).toEqual([]);
  });

  it.each(cases.map((c) => [`${c.method.toUpperCase()} ${c.url}${c.init?.headers ? ` (${JSON.stringify(c.init.headers)})` : ''} → ${c.status}`, c] as const))(
    '%s',
    async (_, { method, path, url, init, status, as }) => {
      const asker = as === undefined ? app : as === 'fresh' ? await askers.fresh() : askers[as];
      const response = await asker.request(url, { method: method.toUpperCase(), ...init });
      const body = await response.arrayBuffer();
      expect(response.status, new TextDecoder().decode(body).slice(0, 300)).toBe(status);
      const described = operation(path, method).responses?.[String(status)] as OpenAPIV3_1.ResponseObject | undefined;
      expect(described, `status ${status} is documented`).toBeDefined();
      if (status === 204) {
        expect(body.byteLength).toBe(0);
        return;
      }
      const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!;
      const content = described!.content?.[mediaType];
      expect(content, `${mediaType} is documented for ${status}`).toBeDefined();
      if (!mediaType.endsWith('json')) {
        expect(body.byteLength).toBeGreaterThan(0);
        return;
      }
      const errors = bodyValidator()(content!.schema!, JSON.parse(new TextDecoder().decode(body)));
      expect(errors).toBeNull();
    },
  );

  it('the validator finds a body that does not match (the check above can fail)', async () => {
    const check = bodyValidator();
    const schema = operation('/api/metrics/{key}', 'get').responses!['200'] as OpenAPIV3_1.ResponseObject;
    const real = await (await app.request('/api/metrics/created')).json();
    expect(check(schema.content!['application/json']!.schema!, real)).toBeNull();
    expect(check(schema.content!['application/json']!.schema!, { ...real, rows: [{ period: '2024-01-01', value: 'many' }] })).toMatch(/rows/);
  });
});
