// Answers are compressed as Accept-Encoding asks (brotli or gzip), decompress to the very bytes of the identity
// answer, and the build's precompressed files are sent as they are.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { chooseEncoding } from '../../api/compression.ts';
import { useSmallFixtureApp } from '../helpers/small-app.ts';

const fixture = useSmallFixtureApp();

async function fetchBytes(app: ReturnType<typeof createApp>, path: string, acceptEncoding?: string) {
  const response = await app.request(path, acceptEncoding === undefined ? {} : { headers: { 'Accept-Encoding': acceptEncoding } });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

const decompress = { br: brotliDecompressSync, gzip: gunzipSync } as const;

describe('API answers', () => {
  // Long enough (> 1 KB) to be worth compressing: the registry.
  const path = '/api/metrics';

  it('without Accept-Encoding are sent as they are, and say they vary by it', async () => {
    const { response, bytes } = await fetchBytes(fixture.app, path);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(JSON.parse(bytes.toString('utf8'))).toBeInstanceOf(Array);
  });

  for (const encoding of ['br', 'gzip'] as const) {
    it(`with Accept-Encoding: ${encoding} are ${encoding}-compressed and decompress to the same bytes`, async () => {
      const identity = (await fetchBytes(fixture.app, path)).bytes;
      const { response, bytes } = await fetchBytes(fixture.app, path, encoding);
      expect(response.headers.get('content-encoding')).toBe(encoding);
      expect(response.headers.get('content-length')).toBeNull();
      expect(bytes.length).toBeLessThan(identity.length / 2);
      expect(decompress[encoding](bytes).equals(identity)).toBe(true);
    });
  }

  it('a cached answer revalidates with the weak ETag a compressed answer carried', async () => {
    const first = await fixture.app.request('/api/metrics/created?from=2026-01-05&to=2026-01-19', { headers: { 'Accept-Encoding': 'gzip' } });
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"/);
    const again = await fixture.app.request('/api/metrics/created?from=2026-01-05&to=2026-01-19', { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
  });
});

describe('choosing the encoding', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0.2, gzip;q=0.8', 'gzip'],
    ['*', 'br'],
    ['identity', null],
    ['br;q=0, gzip;q=0', null],
    ['', null],
  ] as const)('%j → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});

describe('the dashboard files', () => {
  const script = `export const pages = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `page ${i}`))};\n`;
  const shell = `<!doctype html><html><body>${'ServicePulse shell '.repeat(100)}</body></html>`;
  function appWithBuild() {
    const root = mkdtempSync(join(tmpdir(), 'servicepulse-web-'));
    mkdirSync(join(root, '_app/immutable'), { recursive: true });
    writeFileSync(join(root, 'index.html'), shell);
    writeFileSync(join(root, '_app/immutable/app.js'), script);
    // Precompressed by "the build": marked so the test can tell them from compression on the fly.
    writeFileSync(join(root, '_app/immutable/app.js.br'), brotliCompressSync(`${script}// br\n`));
    writeFileSync(join(root, '_app/immutable/app.js.gz'), gzipSync(`${script}// gz\n`));
    writeFileSync(join(root, '_app/immutable/other.js'), script);
    return createApp({ db: fixture.db, webRoot: root });
  }

  it('send the precompressed file for the encoding asked', async () => {
    const web = appWithBuild();
    for (const [encoding, mark] of [['br', '// br'], ['gzip', '// gz']] as const) {
      const { response, bytes } = await fetchBytes(web, '/_app/immutable/app.js', encoding);
      expect(response.headers.get('content-encoding')).toBe(encoding);
      expect(response.headers.get('content-type')).toMatch(/javascript/);
      expect(decompress[encoding](bytes).toString()).toBe(`${script}${mark}\n`);
    }
    const { response, bytes } = await fetchBytes(web, '/_app/immutable/app.js');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(bytes.toString()).toBe(script);
  });

  it('compress a file without a precompressed copy, and the page, on the fly', async () => {
    const web = appWithBuild();
    const file = await fetchBytes(web, '/_app/immutable/other.js', 'br');
    expect(file.response.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(file.bytes).toString()).toBe(script);
    const page = await fetchBytes(web, '/some/client/route', 'gzip');
    expect(page.response.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(page.bytes).toString()).toBe(shell);
  });
});
