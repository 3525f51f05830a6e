// Stores the judgement of goals' closed periods (goal_snapshots), so that a later data correction shows as a new
// revision. Called after each load, at server start and after a goal is created or changed; never by a read.
import type { Database, Query } from '../db.ts';
import { listGoals } from './goals.ts';
import { judgeGoals, type PendingSnapshot } from './report.ts';

/** Tries again when a write changed the data while the goals were judged (that write's own snapshot may be skipped too). */
const attempts = 3;

export interface SnapshotOptions {
  now?: Date;
  /** Only these goals. */
  ids?: number[];
  /** Only the closed periods nothing is stored for (snapshotGoalsAtStart). */
  unstoredOnly?: boolean;
}

/**
 * Judges the live goals (`ids`: only these) as of `now` and stores each closed period whose value is new or changed
 * as a revision. Judging reads on connections of its own; only the few inserts take the writer, and only when the data
 * version is still the one judged. Returns the revisions stored.
 */
export async function snapshotGoals(db: Database, options: SnapshotOptions = {}): Promise<number> {
  const now = options.now ?? new Date();
  // Every goal judged on every closed period: the data version judged is recorded (goal_snapshot_state).
  const complete = !options.ids && !options.unstoredOnly;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const goals = (await listGoals(db)).filter((goal) => !options.ids || options.ids.includes(goal.goal_id));
    const judgedAt = await currentDataVersion(db);
    const { pending } = goals.length === 0 ? { pending: [] } : await judgeGoals(db, goals, now, { unstoredOnly: options.unstoredOnly });
    if (pending.length === 0 && !(complete && (await judgedVersion(db)) !== judgedAt)) return 0;
    const stored = await db.write(async (tx) => {
      const version = (await tx.one<{ version: string }>('SELECT version::VARCHAR AS version FROM data_state'))!.version;
      if (version !== judgedAt) return null;
      if (complete) {
        await tx.run('DELETE FROM goal_snapshot_state');
        await tx.run('INSERT INTO goal_snapshot_state VALUES ($version::BIGINT, now())', { version });
      }
      return pending.length === 0 ? 0 : insertSnapshots(tx, pending, version);
    });
    if (stored !== null) return stored;
  }
  return 0;
}

/**
 * At server start: when the last complete snapshot judged the data as they are, only the periods that closed since
 * are judged; otherwise (the process stopped between a load's commit and its snapshot, or a goal changed since)
 * everything is.
 */
export async function snapshotGoalsAtStart(db: Database, log?: (error: unknown) => void): Promise<void> {
  await logFailure(log, async () => {
    const unchanged = (await judgedVersion(db)) === (await currentDataVersion(db));
    await snapshotGoals(db, { unstoredOnly: unchanged });
  });
}

/** The data version the last complete snapshot judged, if any. */
async function judgedVersion(db: Database): Promise<string | undefined> {
  return (await db.readOne<{ version: string }>('SELECT data_version::VARCHAR AS version FROM goal_snapshot_state'))?.version;
}

/** snapshotGoals for callers whose own work is done (a committed load, a stored goal): a failure is logged, not thrown. */
export async function snapshotGoalsOrLog(db: Database, options: SnapshotOptions & { log?: (error: unknown) => void } = {}): Promise<void> {
  await logFailure(options.log, () => snapshotGoals(db, options));
}

async function logFailure(log: ((error: unknown) => void) | undefined, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    (log ?? console.error)(new Error(`Storing the goals' closed periods failed: ${(error as Error).message}`, { cause: error }));
  }
}

async function currentDataVersion(db: Database): Promise<string> {
  return (await db.readOne<{ version: string }>('SELECT version::VARCHAR AS version FROM data_state'))!.version;
}

const snapshotShape = {
  goal_id: 'BIGINT', goal_version: 'INTEGER', period_start: 'DATE', revision: 'INTEGER', value: 'DOUBLE', status: 'VARCHAR', tickets: 'BIGINT',
};

/** Inserts the revisions not stored yet (another snapshot may have stored the same ones meanwhile). */
async function insertSnapshots(tx: Query, pending: PendingSnapshot[], dataVersion: string): Promise<number> {
  const rows = pending.map(({ goal_id, version, period }) => ({
    goal_id, goal_version: version, period_start: period.period_start, revision: period.revision, value: period.value, status: period.status,
    tickets: period.tickets,
  }));
  const inserted = await tx.all(
    `WITH pending AS (SELECT unnest(from_json($rows, $shape), recursive := true))
     INSERT INTO goal_snapshots (goal_id, goal_version, period_start, revision, value, status, tickets, data_version, computed_at)
     SELECT p.goal_id, p.goal_version, p.period_start, p.revision, p.value, p.status, p.tickets, $data_version::BIGINT, now()
       FROM pending p
      WHERE NOT EXISTS (SELECT 1 FROM goal_snapshots s WHERE s.goal_id = p.goal_id AND s.goal_version = p.goal_version
                                                         AND s.period_start = p.period_start AND s.revision >= p.revision)
     RETURNING 1`,
    { rows: JSON.stringify(rows), shape: JSON.stringify([snapshotShape]), data_version: dataVersion },
  );
  return inserted.length;
}
