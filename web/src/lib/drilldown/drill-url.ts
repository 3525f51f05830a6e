// A drill-down in the URL: `?drill=<its query>` beside the page's own parameters, so a reload or a shared link
// reopens the same tickets. Pure.
//
// The value is a query string of its own (percent-encoded once more inside the page's URL), readable when decoded:
//   metric=created&hours=calendar&from=2025-01-06&to=2025-01-13&channel=email&n=42&basis=value&title=Tickets…
// the API's names for the query (`GET /api/tickets`: metric, stat, variant, hours, from, to, from_minutes,
// to_minutes, weekday, hour, score, scale_max, and each filter by its dimension, repeated for several values), then `n` (the count
// the clicked mark showed), `basis` and `title`. Decoding checks every part and answers null for anything it cannot
// trust (a hand-edited or truncated link): the page then shows no drill-down rather than a wrong one.
import { narrowingKeys, type Drilldown, type DrilldownQuery } from './drilldown';

export const drillParam = 'drill';

const stats = ['p50', 'p90', 'mean'] as const;
const hoursModes = ['calendar', 'business'] as const;
const bases = ['value', 'measured'] as const;
/** Parameters that are not filters. */
const reserved = new Set<string>(['metric', 'stat', 'variant', 'hours', 'from', 'to', ...narrowingKeys, 'n', 'basis', 'title']);
/** The scales a survey answer may have (api/routes/tickets.ts). */
const scaleMaxes = [1, 3, 5, 7, 10];
const key = /^[a-z][a-z0-9_]{0,59}$/;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const maxTitle = 300;
const maxFilterValues = 100;

/** The drill-down as the `drill` parameter's value. */
export function encodeDrilldown(drilldown: Drilldown): string {
  const { query } = drilldown;
  const params = new URLSearchParams();
  params.set('metric', query.metric);
  if (query.stat) params.set('stat', query.stat);
  if (query.variant) params.set('variant', query.variant);
  params.set('hours', query.hours);
  params.set('from', query.from);
  params.set('to', query.to);
  for (const name of narrowingKeys) if (query[name] !== undefined) params.set(name, String(query[name]));
  for (const [dimension, values] of Object.entries(query.filters)) for (const value of values) params.append(dimension, value);
  params.set('n', String(drilldown.expected));
  params.set('basis', drilldown.basis);
  params.set('title', drilldown.title);
  return params.toString();
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

/** A whole number from `min` to `max` written in digits; undefined when absent, NaN when not one. */
function whole(value: string | null, min: number, max: number): number | undefined {
  if (value === null) return undefined;
  const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  return n >= min && n <= max ? n : NaN;
}

function minutes(value: string | null): number | undefined {
  if (value === null) return undefined;
  return /^\d{1,6}(\.\d{1,6})?$/.test(value) ? Number(value) : NaN;
}

/** The drill-down a `drill` value stands for, or null when it is absent or not one this page wrote. */
export function decodeDrilldown(text: string | null): Drilldown | null {
  if (!text) return null;
  const params = new URLSearchParams(text);
  const metric = params.get('metric');
  const from = params.get('from');
  const to = params.get('to');
  const hours = oneOf(params.get('hours'), hoursModes);
  const basis = oneOf(params.get('basis'), bases);
  const expected = whole(params.get('n'), 0, Number.MAX_SAFE_INTEGER);
  const title = params.get('title') ?? '';
  if (!metric || !key.test(metric) || !from || !to || !isoDay.test(from) || !isoDay.test(to) || from >= to) return null;
  if (!hours || !basis || expected === undefined || Number.isNaN(expected) || title.length === 0 || title.length > maxTitle) return null;
  const query: DrilldownQuery = { metric, hours, from, to, filters: {} };
  const stat = params.get('stat');
  if (stat !== null) {
    const known = oneOf(stat, stats);
    if (!known) return null;
    query.stat = known;
  }
  const variant = params.get('variant');
  if (variant !== null) {
    if (!key.test(variant)) return null;
    query.variant = variant;
  }
  const narrowing = {
    from_minutes: minutes(params.get('from_minutes')),
    to_minutes: minutes(params.get('to_minutes')),
    weekday: whole(params.get('weekday'), 1, 7),
    hour: whole(params.get('hour'), 0, 23),
    score: whole(params.get('score'), 0, 10),
    scale_max: whole(params.get('scale_max'), 1, 10),
  };
  for (const [name, value] of Object.entries(narrowing) as [keyof typeof narrowing, number | undefined][]) {
    if (value === undefined) continue;
    if (Number.isNaN(value)) return null;
    query[name] = value;
  }
  if (query.from_minutes !== undefined && query.to_minutes !== undefined && query.from_minutes >= query.to_minutes) return null;
  // A score is on a scale: both or neither, the scale one the API knows, the score on it.
  if ((query.score === undefined) !== (query.scale_max === undefined)) return null;
  if (query.scale_max !== undefined && (!scaleMaxes.includes(query.scale_max) || query.score! > query.scale_max)) return null;
  for (const name of new Set(params.keys())) {
    if (reserved.has(name)) continue;
    const values = params.getAll(name);
    if (!key.test(name) || values.length > maxFilterValues || values.some((v) => v.length === 0 || v.length > 200)) return null;
    query.filters[name] = values;
  }
  return { query, title, expected, basis };
}

/** The page's parameters with `drilldown` in them (or without any, for null); the others kept as they are. */
export function withDrilldown(search: URLSearchParams, drilldown: Drilldown | null): URLSearchParams {
  const next = new URLSearchParams(search);
  if (drilldown) next.set(drillParam, encodeDrilldown(drilldown));
  else next.delete(drillParam);
  return next;
}
