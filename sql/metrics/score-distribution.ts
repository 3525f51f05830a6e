// A survey metric's answers per score (CSAT 1–5, NPS 0–10, CES 1–7 …): the same answers its series counts (its
// `where`, period column and filters), split by scale and score, each score in the band the registry names for it.
// SQL text comes from the registry only; the range and filter values are bound.
import { listValue } from '@duckdb/node-api';
import type { Database, Params } from '../db.ts';
import { factScopeSql, usesFilters, type Filters } from './filters.ts';
import type { Metric, ScoreMetric } from './registry.ts';
import { sourceTable } from './series.ts';

export type DistributedMetric = ScoreMetric & { scores: NonNullable<ScoreMetric['scores']> };

export function hasScoreDistribution(metric: Metric): metric is DistributedMetric {
  return metric.aggregation === 'score' && metric.scores !== undefined;
}

export interface ScoreDistributionQuery {
  metric: DistributedMetric;
  filters?: Filters;
  /** Inclusive start and exclusive end of the answers' submission. */
  from: Date;
  to: Date;
}

export interface ScoreCount {
  score: number;
  /** "4", or the scale's name for it ("good"). */
  label: string;
  answers: number;
  /** Distinct tickets those answers are about (answers without a ticket are in `answers` only). */
  tickets: number;
  /** The registry band the score falls in, or null when none does. */
  band: string | null;
}

export interface ScaleCounts {
  scale_max: number;
  /** The scale's lowest score, when the registry declares the scale (else the lowest score answered). */
  min: number;
  answers: number;
  scores: ScoreCount[];
}

export interface ScoreDistribution {
  answers: number;
  scales: ScaleCounts[];
}

/**
 * Answers per (scale, score). Every score of a declared scale that has answers in the view is listed, with 0 when
 * nobody chose it; a scale with no answers is left out; an undeclared scale lists the scores answered.
 */
export async function queryScoreDistribution(db: Database, query: ScoreDistributionQuery): Promise<ScoreDistribution> {
  const { metric } = query;
  const scope = factScopeSql({ time: `f.${metric.period_column}`, rows: metric.where, filters: query.filters });
  const table = sourceTable('feedback_facts', usesFilters(query.filters));
  const declared = metric.scores.scales.flatMap((scale) => Array.from({ length: scale.max - scale.min + 1 }, (_, i) => [scale.max, scale.min + i] as const));
  const band = `CASE ${metric.scores.bands.map((b, i) => `WHEN ${b.when} THEN $band_${i}`).join(' ')} END`;
  const params: Record<string, unknown> = {
    from: query.from.toISOString(),
    to: query.to.toISOString(),
    ...scope.params,
    declared_scales: listValue(declared.map(([max]) => max)),
    declared_scores: listValue(declared.map(([, score]) => score)),
    ...Object.fromEntries(metric.scores.bands.map((b, i) => [`band_${i}`, b.key])),
  };
  const rows = await db.read<{ scale_max: number; score: number; answers: number; tickets: number; band: string | null }>(
    `WITH counted AS (
       SELECT f.scale_max::INTEGER AS scale_max, f.score::DOUBLE AS score, count(*)::INTEGER AS answers,
              count(DISTINCT f.ticket_id)::INTEGER AS tickets
         FROM ${table} f WHERE ${scope.where.join(' AND ')}
        GROUP BY ALL
     ), declared AS (
       SELECT unnest($declared_scales)::INTEGER AS scale_max, unnest($declared_scores)::DOUBLE AS score
     ), shown AS (
       SELECT scale_max, score FROM counted
        UNION
       SELECT scale_max, score FROM declared WHERE scale_max IN (SELECT scale_max FROM counted)
     )
     SELECT f.scale_max, f.score, coalesce(c.answers, 0)::INTEGER AS answers, coalesce(c.tickets, 0)::INTEGER AS tickets, ${band} AS band
       FROM shown f LEFT JOIN counted c USING (scale_max, score)
      ORDER BY f.scale_max, f.score`,
    params as Params,
  );
  const order = (max: number) => {
    const index = metric.scores.scales.findIndex((s) => s.max === max);
    return index === -1 ? metric.scores.scales.length + max : index;
  };
  const scales = new Map<number, ScaleCounts>();
  for (const row of rows) {
    const declaredScale = metric.scores.scales.find((s) => s.max === row.scale_max);
    let scale = scales.get(row.scale_max);
    if (!scale) {
      scale = { scale_max: row.scale_max, min: declaredScale?.min ?? row.score, answers: 0, scores: [] };
      scales.set(row.scale_max, scale);
    }
    const key = String(row.score);
    const label = declaredScale?.names && Object.hasOwn(declaredScale.names, key) ? declaredScale.names[key]! : key;
    scale.answers += row.answers;
    scale.scores.push({ score: row.score, label, answers: row.answers, tickets: row.tickets, band: row.band });
  }
  const ordered = [...scales.values()].sort((a, b) => order(a.scale_max) - order(b.scale_max));
  return { answers: ordered.reduce((sum, s) => sum + s.answers, 0), scales: ordered };
}
