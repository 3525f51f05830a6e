// The service goals `npm run bench -- api` gives the overview: `--goals N` of them, of many metrics, statistics,
// periods and scopes (every team, every channel, teams by channel), as a support organisation that set goals for
// each team and channel might have.
import { Database } from '../sql/db.ts';
import { archiveGoal, createGoal, listGoals, type GoalInput } from '../sql/goals/goals.ts';
import { snapshotGoals } from '../sql/goals/snapshot.ts';
import type { Filters } from '../sql/metrics/series.ts';

const DAY = 86_400_000;

type Shape = Pick<GoalInput, 'metric' | 'stat' | 'comparator' | 'target' | 'period'>;

/** Measures a manager sets goals on; backlog and recurring-issue goals are left out (measured one goal at a time). */
const shapes: Shape[] = [
  { metric: 'first_response_time', stat: 'p50', comparator: '<=', target: 60, period: 'week' },
  { metric: 'first_response_time', stat: 'p90', comparator: '<=', target: 480, period: 'month' },
  { metric: 'resolution_time', stat: 'p50', comparator: '<=', target: 1440, period: 'week' },
  { metric: 'csat', stat: 'value', comparator: '>=', target: 85, period: 'month' },
  { metric: 'escalation_rate', stat: 'value', comparator: '<', target: 10, period: 'quarter' },
  { metric: 'reopen_rate', stat: 'value', comparator: '<', target: 8, period: 'month' },
  { metric: 'sla_first_response_attainment', stat: 'value', comparator: '>=', target: 90, period: 'week' },
  { metric: 'created', stat: 'value', comparator: '<=', target: 5000, period: 'week' },
];

const channels = ['email', 'chat', 'phone', 'web', 'social'];

/** `count` goals: every shape over the whole organisation, then per team, per channel, per team and channel. */
export function benchGoals(count: number, teams: string[], end: Date): GoalInput[] {
  const startsOn = new Date(end.getTime() - 180 * DAY).toISOString().slice(0, 10);
  const scopes: Array<[string, Filters]> = [
    ['everyone', {}],
    ...teams.map((team): [string, Filters] => [`team ${team}`, { team: [team] }]),
    ...channels.map((channel): [string, Filters] => [`${channel}`, { channel: [channel] }]),
    ...teams.flatMap((team) => channels.map((channel): [string, Filters] => [`team ${team}, ${channel}`, { team: [team], channel: [channel] }])),
  ];
  const goals: GoalInput[] = [];
  for (let i = 0; goals.length < count; i++) {
    const shape = shapes[i % shapes.length]!;
    const [label, scope] = scopes[Math.floor(i / shapes.length) % scopes.length]!;
    goals.push({ ...shape, name: `${shape.metric} ${shape.stat}, ${label}`, variant: null, hours: 'calendar', scope, owner_id: null, starts_on: startsOn, ends_on: null });
  }
  return goals;
}

/**
 * Gives the database at `path` exactly the bench's `count` goals (a kept database with another set has them
 * archived and replaced), their closed periods stored as after a load. Returns how long judging and storing took.
 */
export async function ensureBenchGoals(path: string, count: number, end: Date): Promise<{ created: number; snapshotSeconds: number }> {
  const db = await Database.open(path);
  try {
    const teams = (await db.read<{ team_id: string }>('SELECT team_id FROM teams ORDER BY team_id')).map((row) => row.team_id);
    const wanted = benchGoals(count, teams, end);
    const live = await listGoals(db);
    const same = live.length === wanted.length && live.every((goal, i) => goal.name === wanted[i]!.name && goal.starts_on === wanted[i]!.starts_on);
    if (!same) {
      for (const goal of live) await archiveGoal(db, goal.goal_id);
      for (const goal of wanted) await createGoal(db, goal);
    }
    // As after a load: every closed period stored and the data version judged recorded, so that a server starting
    // on it judges only the periods closed since (sql/goals/snapshot.ts).
    const start = performance.now();
    await snapshotGoals(db);
    const snapshotSeconds = (performance.now() - start) / 1000;
    await db.withConnection((sql) => sql.run('CHECKPOINT'));
    return { created: same ? 0 : wanted.length, snapshotSeconds };
  } finally {
    await db.close();
  }
}
