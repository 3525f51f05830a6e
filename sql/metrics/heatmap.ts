// A duration metric by the hour of day and weekday its tickets were created, in each ticket's team's time zone (UTC
// for a ticket without a team), per channel: when customers write, how long they wait.
import type { Database } from '../db.ts';
import { factScopeSql, type Filters } from './filters.ts';
import type { DurationMetric } from './registry.ts';
import { statSql, type HoursMode, type Stat } from './series.ts';

export interface HeatmapQuery {
  metric: DurationMetric;
  stat: Stat;
  hours: HoursMode;
  filters?: Filters;
  /** The range, over the metric's own period column, as the series counts it. */
  from: Date;
  to: Date;
}

export interface HeatmapCell {
  channel: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** 0–23, local to the team. */
  hour: number;
  value: number;
  tickets: number;
}

/** Where a ticket's creation is placed: its team's time zone, UTC without a team (`f` the facts, `tm` its team). */
export const teamZoneJoin = 'LEFT JOIN teams tm ON tm.team_id = f.team_id';
export const localCreatedSql = "timezone(coalesce(tm.time_zone, 'UTC'), f.created_at)";

/** The cells with tickets, by channel, weekday and hour; empty cells are left out. */
export async function queryHeatmap(db: Database, query: HeatmapQuery): Promise<HeatmapCell[]> {
  const column = `f.${query.metric.seconds[query.hours]}`;
  const scope = factScopeSql({ time: `f.${query.metric.period_column}`, rows: `${column} IS NOT NULL AND f.created_at IS NOT NULL`, filters: query.filters });
  return db.read<HeatmapCell & Record<string, unknown>>(
    `WITH measured AS (
       SELECT f.channel, ${localCreatedSql} AS local_created, ${column} AS seconds
         FROM ticket_facts f ${teamZoneJoin}
        WHERE ${scope.where.join(' AND ')}
     )
     SELECT channel, isodow(local_created)::INTEGER AS weekday, hour(local_created)::INTEGER AS hour,
            ${statSql[query.stat]('seconds')} AS value, count(*)::INTEGER AS tickets
       FROM measured
      GROUP BY ALL
      ORDER BY channel, weekday, hour`,
    { from: query.from.toISOString(), to: query.to.toISOString(), ...(scope.params as Record<string, never>) },
  );
}
