// A drill-down in the URL (`?drill=`): written as the API's query plus the count, basis and title, read back the
// same, and anything it cannot trust read as no drill-down.
import { describe, expect, it } from 'vitest';
import type { Drilldown } from '../../web/src/lib/drilldown/drilldown';
import { decodeDrilldown, encodeDrilldown, withDrilldown } from '../../web/src/lib/drilldown/drill-url';

const emailWeek: Drilldown = {
  query: { metric: 'created', hours: 'calendar', from: '2025-01-06', to: '2025-01-13', filters: { team: ['t1'], channel: ['email', 'phone'] } },
  title: 'Tickets created, 6 Jan – 12 Jan 2025, channel email',
  expected: 42,
  basis: 'value',
};

const mondayNine: Drilldown = {
  query: {
    metric: 'first_response_time', stat: 'p90', hours: 'business', from: '2025-01-01', to: '2025-04-01', filters: { channel: ['chat'] },
    weekday: 1, hour: 9, from_minutes: 60, to_minutes: 240.5,
  },
  title: 'First response, chat, Mondays 09:00–10:00 & more',
  expected: 7,
  basis: 'measured',
};

const npsNine: Drilldown = {
  query: { metric: 'nps', hours: 'calendar', from: '2025-01-01', to: '2025-02-01', filters: {}, score: 9, scale_max: 10 },
  title: 'NPS: 9, January 2025',
  expected: 31,
  basis: 'value',
};

describe('the drill parameter', () => {
  it('writes the API’s names in a fixed order, each filter value repeated, then n, basis and title', () => {
    expect(encodeDrilldown(emailWeek)).toBe(
      'metric=created&hours=calendar&from=2025-01-06&to=2025-01-13&team=t1&channel=email&channel=phone&n=42&basis=value' +
        '&title=Tickets+created%2C+6+Jan+%E2%80%93+12+Jan+2025%2C+channel+email',
    );
    expect(encodeDrilldown(mondayNine)).toBe(
      'metric=first_response_time&stat=p90&hours=business&from=2025-01-01&to=2025-04-01&from_minutes=60&to_minutes=240.5&weekday=1&hour=9' +
        '&channel=chat&n=7&basis=measured&title=First+response%2C+chat%2C+Mondays+09%3A00%E2%80%9310%3A00+%26+more',
    );
  });

  it('reads back what it wrote', () => {
    expect(decodeDrilldown(encodeDrilldown(emailWeek))).toEqual(emailWeek);
    expect(decodeDrilldown(encodeDrilldown(mondayNine))).toEqual(mondayNine);
    // A score bar keeps its score and scale (without them a reopened link would list every answer's tickets).
    expect(encodeDrilldown(npsNine)).toContain('&score=9&scale_max=10&');
    expect(decodeDrilldown(encodeDrilldown(npsNine))).toEqual(npsNine);
    const rate: Drilldown = { ...emailWeek, query: { ...emailWeek.query, metric: 'first_contact_resolution', variant: 'one_touch', filters: {} }, basis: 'measured' };
    expect(decodeDrilldown(encodeDrilldown(rate))).toEqual(rate);
  });

  it('sits beside the page’s own parameters, and closing removes only it', () => {
    const page = new URLSearchParams('range=30d&channel=email&metric=first_response_time');
    const opened = withDrilldown(page, emailWeek);
    expect([...opened.keys()]).toEqual(['range', 'channel', 'metric', 'drill']);
    // Percent-encoded once more inside the page's URL; the page's own channel filter is untouched.
    expect(opened.toString()).toMatch(/^range=30d&channel=email&metric=first_response_time&drill=metric%3Dcreated%26hours%3Dcalendar%26/);
    expect(decodeDrilldown(new URLSearchParams(opened.toString()).get('drill'))).toEqual(emailWeek);
    expect(withDrilldown(opened, null).toString()).toBe('range=30d&channel=email&metric=first_response_time');
  });

  it('reads nothing it cannot trust as no drill-down', () => {
    const valid = new URLSearchParams(encodeDrilldown(mondayNine));
    const changed = (name: string, value: string | null) => {
      const params = new URLSearchParams(valid);
      if (value === null) params.delete(name);
      else params.set(name, value);
      return decodeDrilldown(params.toString());
    };
    expect(decodeDrilldown(null)).toBeNull();
    expect(decodeDrilldown('')).toBeNull();
    expect(changed('metric', null)).toBeNull();
    expect(changed('metric', 'DROP TABLE')).toBeNull();
    expect(changed('from', '2025-13')).toBeNull();
    expect(changed('to', '2024-12-31')).toBeNull(); // before from
    expect(changed('hours', 'office')).toBeNull();
    expect(changed('stat', 'p99')).toBeNull();
    expect(changed('weekday', '8')).toBeNull();
    expect(changed('weekday', '0')).toBeNull();
    expect(changed('hour', '24')).toBeNull();
    expect(changed('hour', '')).toBeNull();
    expect(changed('from_minutes', '-5')).toBeNull();
    expect(changed('from_minutes', '240.5')).toBeNull(); // not below to_minutes
    const score = (name: string, value: string | null) => {
      const params = new URLSearchParams(encodeDrilldown(npsNine));
      if (value === null) params.delete(name);
      else params.set(name, value);
      return decodeDrilldown(params.toString());
    };
    expect(score('scale_max', null)).toBeNull(); // a score without its scale
    expect(score('score', null)).toBeNull();
    expect(score('scale_max', '4')).toBeNull(); // no such scale
    expect(score('score', '0')).not.toBeNull(); // 0 is on the NPS scale
    expect(score('scale_max', '7')).toBeNull(); // 9 is not on a 1-7 scale
    expect(score('score', '11')).toBeNull();
    expect(score('scale_max', '5')).toBeNull(); // 9 is not on a 1-5 scale
    expect(changed('n', 'many')).toBeNull();
    expect(changed('n', null)).toBeNull();
    expect(changed('basis', 'guess')).toBeNull();
    expect(changed('title', null)).toBeNull();
    expect(changed('title', 'x'.repeat(301))).toBeNull();
    expect(changed('Channel', 'chat')).toBeNull(); // not a dimension's name
    // Each part alone is enough to change; the valid one reads.
    expect(changed('hour', '23')?.query.hour).toBe(23);
  });
});
