// Query parameters every metric-reading route shares: the range, dimension filters and a rate's preset.
import { z } from 'zod';
import { isoDate } from '../../common/iso-date.ts';
import { dimensionNames, type Grain } from '../../sql/metrics/dimensions.ts';
import { metrics, type Metric } from '../../sql/metrics/registry.ts';
import type { MetricInfo } from '../contracts.ts';
import type { Filters } from '../../sql/metrics/series.ts';
import { checkPeriodCount } from '../period-cap.ts';
import { ProblemError } from '../problem.ts';
import { boundedText, maxValuesPerFilter } from '../validation.ts';

export { isoDate };

/** The longest duration a target may name, in minutes: a year (the longest resolution goal is weeks). */
export const maxTargetMinutes = 525_600;

export const metricKeys = [...metrics.keys()] as [string, ...string[]];

/**
 * A metric key in a query or body: the handler checks it, answering an unknown key with the list of known
 * ones; the document shows the registry's keys as the enum they are.
 */
export const metricKeyText = z.string().meta({ enum: metricKeys, description: 'A metric key of the registry.' });

/** A filter names a dimension; repeating it (`channel=email&channel=phone`) allows several values. */
const filterValues = z.union([boundedText(), z.array(boundedText()).max(maxValuesPerFilter)]).optional();
export const filterQueryShape = Object.fromEntries(dimensionNames.map((name) => [name, filterValues])) as Record<
  (typeof dimensionNames)[number],
  typeof filterValues
>;

export function filtersOf(query: Record<string, unknown>): Filters {
  const filters: Filters = {};
  for (const name of dimensionNames) {
    const value = query[name] as string | string[] | undefined;
    if (value !== undefined) filters[name] = Array.isArray(value) ? value : [value];
  }
  return filters;
}

export function checkVariant(metric: Metric, variant: string | undefined) {
  if (variant === undefined) return;
  const allowed = metric.aggregation === 'rate' ? Object.keys(metric.variants ?? {}) : [];
  if (!allowed.includes(variant)) {
    throw new ProblemError(
      400,
      'Unknown variant',
      allowed.length > 0
        ? `variant: "${variant}" is not a preset of ${metric.key}. Allowed: ${allowed.join(', ')}.`
        : `variant: ${metric.key} has no presets.`,
      { allowed },
    );
  }
}

const DAY = 86_400_000;

/** Default range: the 52 whole weeks before the current one, plus the current week so far. */
export function defaultRange(now: Date): { from: Date; to: Date } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const mondayOffset = (new Date(today).getUTCDay() + 6) % 7;
  return { from: new Date(today - (mondayOffset + 52 * 7) * DAY), to: new Date(today + DAY) };
}

/**
 * `from` (inclusive) and `to` (exclusive) as UTC midnights; a missing end takes the default's. With `grain`,
 * the range may hold at most `maxPeriods` of its periods (api/period-cap.ts).
 */
export function parseRange(fromText: string | undefined, toText: string | undefined, fallback: { from: Date; to: Date }, grain?: Grain, capParameter = 'grain') {
  for (const [name, text] of [['from', fromText], ['to', toText]] as const) {
    const parsed = text === undefined ? undefined : isoDate.safeParse(text);
    if (parsed && !parsed.success) throw new ProblemError(400, 'Invalid request', `${name}: ${parsed.error.issues[0]!.message}`);
  }
  const from = fromText ? new Date(`${fromText}T00:00:00Z`) : fallback.from;
  const to = toText ? new Date(`${toText}T00:00:00Z`) : fallback.to;
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) {
    throw new ProblemError(400, 'Invalid range', `"from" (${fromText}) must be a real date before "to" (${toText}).`);
  }
  if (grain) checkPeriodCount(from, to, grain, capParameter);
  return { from, to };
}

/** A registry entry as the API describes it. */
export function metricInfo(key: string): MetricInfo {
  const metric = metrics.get(key)!;
  return {
    key,
    label: metric.label,
    unit: metric.unit,
    better: metric.better,
    aggregation: metric.aggregation,
    description: metric.description,
    definition: metric.definition,
    formula: 'formula' in metric ? metric.formula : undefined,
    variants:
      metric.aggregation === 'rate' && metric.variants
        ? Object.entries(metric.variants).map(([name, variant]) => ({ name, label: variant.label, formula: variant.formula }))
        : undefined,
  };
}

