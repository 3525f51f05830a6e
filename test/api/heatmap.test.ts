// GET /api/metrics/:key/heatmap on the small fixture (test/fixtures/small/README.md): each first response placed at
// its ticket's creation hour and weekday in its team's zone (Zagreb UTC+1 in January, Manila UTC+8).
import { describe, expect, it } from 'vitest';
import type { HeatmapResponse } from '../../api/contracts.ts';
import { useSmallFixtureApp } from '../helpers/small-app.ts';

const fixture = useSmallFixtureApp();
const january = 'from=2026-01-01&to=2026-02-01';

async function heatmap(query: string) {
  const response = await fixture.app.request(`/api/metrics/first_response_time/heatmap?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as HeatmapResponse;
}

describe('first response by hour × weekday, per channel, in the team’s time zone', () => {
  it('places each ticket at its local creation hour', async () => {
    const body = await heatmap(january);
    expect(body.cells).toEqual([
      // 10003: Tue 13 Jan 10:00Z = 18:00 in Manila; 5 min.
      { channel: 'chat', weekday: 2, hour: 18, value: 5, tickets: 1 },
      // 10001: Mon 5 Jan 09:00Z = 10:00 in Zagreb; 90 min.
      { channel: 'email', weekday: 1, hour: 10, value: 90, tickets: 1 },
      // 10002: Tue 6 Jan 14:00Z = 15:00 in Zagreb; 0 min.
      { channel: 'phone', weekday: 2, hour: 15, value: 0, tickets: 1 },
      // 10005: Thu 15 Jan 12:00Z = 20:00 in Manila; 40 min.
      { channel: 'social', weekday: 4, hour: 20, value: 40, tickets: 1 },
    ]);
    expect([body.stat, body.hours]).toEqual(['p50', 'calendar']);
  });

  it('filters by channel, and counts business minutes when asked', async () => {
    const body = await heatmap(`${january}&channel=chat&channel=email&hours=business`);
    // Business first responses: 10001 90, 10003 0 (Manila closed on Tuesday evening).
    expect(body.cells.map((c) => [c.channel, c.value])).toEqual([['chat', 0], ['email', 90]]);
  });

  it('exists for durations only', async () => {
    const response = await fixture.app.request('/api/metrics/csat/heatmap');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/csat is not a duration; heatmaps exist for first_response_time/);
  });
});
