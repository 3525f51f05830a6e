import { describe, expect, it } from 'vitest';
import { ApiError, fetchJson } from '../../web/src/lib/api/client';
import { getSeries, seriesPath, type SeriesParams } from '../../web/src/lib/api/series';
import { createdWeeklyByChannel } from './fixtures/created-weekly-by-channel';

function answer(status: number, body: string, contentType: string, statusText = ''): typeof fetch {
  return async () => new Response(body, { status, statusText, headers: { 'content-type': contentType } });
}

describe('fetchJson failures', () => {
  const cases: Array<{ title: string; input: typeof fetch; expected: { status: number; title: string; detail?: string } }> = [
    {
      title: '400 problem document: its title, detail and status',
      input: answer(
        400,
        JSON.stringify({ type: 'about:blank', title: 'Invalid query', status: 400, detail: 'grain must be one of day, week, month, quarter' }),
        'application/problem+json',
      ),
      expected: { status: 400, title: 'Invalid query', detail: 'grain must be one of day, week, month, quarter' },
    },
    {
      title: '404 problem document without a status: the response status',
      input: answer(404, JSON.stringify({ type: 'about:blank', title: 'Unknown metric' }), 'application/problem+json'),
      expected: { status: 404, title: 'Unknown metric' },
    },
    {
      title: '502 HTML page from a proxy: a generic problem, no HTML shown',
      input: answer(502, '<html>Bad gateway</html>', 'text/html', 'Bad Gateway'),
      expected: { status: 502, title: 'Bad Gateway', detail: 'The server answered /api/x with status 502.' },
    },
    {
      title: '500 with a broken JSON body',
      input: answer(500, '{"title":', 'application/json'),
      expected: { status: 500, title: 'HTTP 500', detail: 'The server answered /api/x with status 500.' },
    },
    {
      title: 'network failure: status 0',
      input: async () => {
        throw new TypeError('fetch failed');
      },
      expected: {
        status: 0,
        title: 'Cannot reach the ServicePulse server',
        detail: 'The request did not get an answer. Check that the server is running, then retry.',
      },
    },
    {
      title: '200 that is not JSON (e.g. the SPA page instead of the API)',
      input: answer(200, '<!doctype html><p>app</p>', 'text/html'),
      expected: {
        status: 200,
        title: 'Unexpected answer from the server',
        detail: 'The answer to /api/x is not JSON. Is the API server behind this address?',
      },
    },
  ];

  for (const { title, input, expected } of cases) {
    it(title, async () => {
      const error = await fetchJson('/api/x', { fetch: input }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      const { status, title: problemTitle, detail } = error as ApiError;
      expect({ status, title: problemTitle, ...(detail === undefined ? {} : { detail }) }).toEqual(expected);
    });
  }

  it('an abort rejects with the AbortError, not an ApiError', async () => {
    const controller = new AbortController();
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    const pending = fetchJson('/api/x', { fetch: hanging, signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    const error = await pending;
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).name).toBe('AbortError');
  });
});

describe('fetchJson success', () => {
  it('returns the JSON body and asks for JSON or problem JSON', async () => {
    let accept: string | null = null;
    const fake: typeof fetch = async (_input, init) => {
      accept = new Headers(init?.headers).get('accept');
      return new Response(JSON.stringify(createdWeeklyByChannel), { headers: { 'content-type': 'application/json' } });
    };
    await expect(fetchJson('/api/metrics/created', { fetch: fake })).resolves.toEqual(createdWeeklyByChannel);
    expect(accept).toBe('application/json, application/problem+json');
  });
});

describe('seriesPath', () => {
  const cases: Array<{ title: string; input: [string, SeriesParams?]; expected: string }> = [
    { title: 'no parameters', input: ['created'], expected: '/api/metrics/created' },
    { title: 'grain and group', input: ['created', { grain: 'week', by: 'channel' }], expected: '/api/metrics/created?grain=week&by=channel' },
    {
      title: 'a fixed parameter order, whatever the object order',
      input: ['created', { to: '2025-02-01', by: 'channel', from: '2025-01-01', grain: 'month' }],
      expected: '/api/metrics/created?grain=month&by=channel&from=2025-01-01&to=2025-02-01',
    },
    { title: 'empty values are left out', input: ['created', { grain: 'week', by: '' }], expected: '/api/metrics/created?grain=week' },
    { title: 'the key and values are encoded', input: ['a/b c', { by: 'x&y=z' }], expected: '/api/metrics/a%2Fb%20c?by=x%26y%3Dz' },
  ];
  for (const { title, input, expected } of cases) {
    it(title, () => expect(seriesPath(...input)).toBe(expected));
  }

  it('getSeries requests that path', async () => {
    const seen: string[] = [];
    const fake: typeof fetch = async (input) => {
      seen.push(String(input));
      return new Response(JSON.stringify(createdWeeklyByChannel), { headers: { 'content-type': 'application/json' } });
    };
    await getSeries('created', { grain: 'week', by: 'channel' }, { fetch: fake });
    expect(seen).toEqual(['/api/metrics/created?grain=week&by=channel']);
  });

  it('getSeries asks for JSON or problem JSON, passes the abort signal and fails as fetchJson does', async () => {
    const controller = new AbortController();
    let sent: RequestInit | undefined;
    const fake: typeof fetch = async (_input, init) => {
      sent = init;
      return new Response(JSON.stringify({ type: 'about:blank', title: 'Unknown metric', status: 404 }), { status: 404, headers: { 'content-type': 'application/problem+json' } });
    };
    const error = await getSeries('nope', {}, { fetch: fake, signal: controller.signal }).catch((e: unknown) => e);
    expect(new Headers(sent?.headers).get('accept')).toBe('application/json, application/problem+json');
    expect(sent?.signal).toBe(controller.signal);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).title).toBe('Unknown metric');
  });
});
