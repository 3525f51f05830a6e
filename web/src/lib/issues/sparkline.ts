// An issue's tickets per period as a sparkline: a pure `values → SVG path` for the Recurring problems list, where a
// canvas chart per row (tens of ECharts instances) would cost far more than a path. No axes: the shape of the
// trend, with its last point marked and a text description (the row's figures are in its cells).
export interface SparklineGeometry {
  /** The line's path data (`M x y L x y …`); empty when there are no values. */
  path: string;
  /** The last value's point, marked so "now" reads at a glance. */
  last: { x: number; y: number } | null;
  width: number;
  height: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The line through `values` in a `width` × `height` box with `pad` pixels inside each edge: the first value at the left
 * edge, the last at the right, zero at the bottom and the largest value at the top (so rows compare by shape, each
 * scaled to itself). A single value is a flat line across; all zeros lie on the bottom.
 */
export function sparklineGeometry(values: readonly number[], width = 96, height = 28, pad = 2): SparklineGeometry {
  if (values.length === 0) return { path: '', last: null, width, height };
  const max = Math.max(...values, 0);
  const innerW = width - 2 * pad;
  const innerH = height - 2 * pad;
  const y = (v: number) => round(pad + innerH - (max > 0 ? (Math.max(0, v) / max) * innerH : 0));
  const x = (i: number) => round(values.length === 1 ? pad : pad + (i / (values.length - 1)) * innerW);
  const points = values.map((v, i) => ({ x: x(i), y: y(v) }));
  if (points.length === 1) points.push({ x: round(pad + innerW), y: points[0]!.y });
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
  return { path, last: points.at(-1)!, width, height };
}

/** "Tickets per week, 8 weeks: 3, 4, 2, 5, 3, 4, 9, 21; last week 21." */
export function describeSparkline(values: readonly number[], grain: string): string {
  if (values.length === 0) return `No tickets per ${grain} to show.`;
  const n = values.length;
  return `Tickets per ${grain}, ${n} ${grain}${n === 1 ? '' : 's'}: ${values.join(', ')}; last ${grain} ${values.at(-1)}.`;
}
