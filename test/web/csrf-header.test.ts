// Every write the dashboard sends carries the session's CSRF token, added in one place (api/client.ts sessionFetch)
// under the typed client, the JSON helpers and the upload; reads carry none (they need none, and the answer cache
// keys on the request). Each case records the request the code under test sent.
import { afterEach, describe, expect, it } from 'vitest';
import { fetchJson, sendJson, setCsrfToken } from '../../web/src/lib/api/client';
import { createGoal, archiveGoal } from '../../web/src/lib/api/goals';
import { uploadExport } from '../../web/src/lib/api/data';
import { teams } from '../../web/src/lib/api/queries';

interface Sent {
  method: string;
  url: string;
  token: string | null;
}

function recorder(status = 200, body = '{}') {
  const sent: Sent[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost'), init);
    sent.push({ method: request.method, url: new URL(request.url).pathname, token: request.headers.get('x-csrf-token') });
    return new Response(status === 204 ? null : body, { status, headers: { 'content-type': 'application/json' } });
  };
  return { sent, fetch };
}

afterEach(() => setCsrfToken(null));

describe('the CSRF token', () => {
  it('goes with the typed client’s writes (POST, DELETE), the JSON helper’s and the upload, and not with reads', async () => {
    setCsrfToken('tok-123');
    const { sent, fetch } = recorder();
    await createGoal({} as never, { fetch });
    await sendJson('PATCH', '/api/users/u1', { disabled: true }, { fetch });
    await uploadExport(new File(['a,b\n'], 'x.csv'), { fetch });
    await teams({ fetch });
    await fetchJson('/api/auth/me', { fetch });
    const deleted = recorder(204);
    await archiveGoal(3, { fetch: deleted.fetch });
    expect([...sent, ...deleted.sent]).toEqual([
      { method: 'POST', url: '/api/goals', token: 'tok-123' },
      { method: 'PATCH', url: '/api/users/u1', token: 'tok-123' },
      { method: 'POST', url: '/api/imports', token: 'tok-123' },
      { method: 'GET', url: '/api/teams', token: null },
      { method: 'GET', url: '/api/auth/me', token: null },
      { method: 'DELETE', url: '/api/goals/3', token: 'tok-123' },
    ]);
  });

  it('is not sent before sign-in, nor after the session is forgotten', async () => {
    const { sent, fetch } = recorder();
    await sendJson('POST', '/api/auth/sign-in', { username: 'a', password: 'b' }, { fetch });
    setCsrfToken('tok-1');
    setCsrfToken(null);
    await sendJson('POST', '/api/auth/sign-in', { username: 'a', password: 'b' }, { fetch });
    expect(sent.map((s) => s.token)).toEqual([null, null]);
  });

  it('a 204 answer reads as undefined', async () => {
    setCsrfToken('t');
    const { fetch } = recorder(204);
    await expect(sendJson('POST', '/api/auth/sign-out', undefined, { fetch })).resolves.toBeUndefined();
  });
});
