// A headline figure beside the period before: the change in words, and whether it is for the better.
import type { Unit } from '../format';
import { formatValue } from '../format';

export interface Change {
  /** "+12.5 %" (a relative change), "+3.2 pts" (percentages), "no change", or null without a previous value. */
  text: string | null;
  /** Whether the change is an improvement, by the metric's better direction; null when neutral or unknown. */
  improved: boolean | null;
}

/** The change from `previous` to `value`. Percentages change by points; other units by a share of the previous value. */
export function changeOf(value: number | null, previous: number | null, unit: Unit, better: 'higher' | 'lower' | 'none'): Change {
  if (value === null || previous === null) return { text: null, improved: null };
  const delta = value - previous;
  if (delta === 0) return { text: 'no change', improved: null };
  const improved = better === 'none' ? null : (better === 'higher') === delta > 0;
  const sign = delta > 0 ? '+' : '−';
  if (unit === 'percent') return { text: `${sign}${Math.abs(delta).toFixed(1)} pts`, improved };
  if (previous === 0) return { text: `${sign}${formatValue(Math.abs(delta), unit)}`, improved };
  return { text: `${sign}${Math.abs((delta / previous) * 100).toFixed(1)} %`, improved };
}
