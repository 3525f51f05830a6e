// GET /api/data/extent on the small fixture (test/fixtures/small/README.md): tickets created from Mon 5 Jan 2026
// 09:00; the last activity is the survey answers of Fri 16 Jan 08:00 (the last event is 10005's solve on 15 Jan,
// the last closing 10001's on 9 Jan). The rejected rows (10006–10008, event for 99999, NPS 11) are not data.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import type { DataExtentResponse } from '../../api/contracts.ts';
import { freshDb } from '../helpers/db.ts';
import { useSmallFixtureApp } from '../helpers/small-app.ts';
import { signedIn } from '../helpers/signed-in.ts';

const fixture = useSmallFixtureApp();

describe('GET /api/data/extent', () => {
  it('spans the first ticket to the last survey answer, with the five tickets', async () => {
    const response = await fixture.app.request('/api/data/extent');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ first_day: '2026-01-05', last_day: '2026-01-16', tickets: 5 } satisfies DataExtentResponse);
  });

  it('is empty, not an error, without data', async () => {
    const db = await freshDb();
    try {
      const response = await (await signedIn(createApp({ db }), db)).request('/api/data/extent');
      expect(await response.json()).toEqual({ first_day: null, last_day: null, tickets: 0 });
    } finally {
      await db.close();
    }
  });
});
