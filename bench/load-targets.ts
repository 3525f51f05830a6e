// The load target of issue 14, as `npm run bench -- load` prints it last: the ingest (the facts excluded) within
// 1.5× of DuckDB's bare read, the complete load within 3×, PostgreSQL's bare COPY as a reference, and the memory
// the loads ran with. All from the measurements of the one run (bench/README.md).
import type { PostgresCopy, PostgresSkipped } from './load-postgres.ts';
import { median } from './api-sql.ts';
import { int, mib, table } from './print.ts';

export const ingestTarget = 1.5;
export const completeTarget = 3;

export interface TargetFigures {
  /** DuckDB's bare read_csv of each file, added up. */
  bareSeconds: number;
  /** Our loadFile calls, added up: what a user waits for; null when the run skipped the issue assignment. */
  completeSeconds: number | null;
  /**
   * The three files as one load (pipelines/load.ts `loadFiles`, what `npm run load -- folder/` does), into a database
   * of its own; with the issue assignment unless the run skipped it (`folderIssueAssignment`).
   */
  folderSeconds: number;
  folderIssueAssignment: boolean;
  /** The same with the tickets file loaded without the issue assignment (issue 12), on a database of its own. */
  withoutIssuesSeconds: number;
  /**
   * The statements the facts' functions ran in the loads without the issue assignment, added up (load-child.ts
   * `factsFunctions`): the assignment's worker threads would otherwise share the cores with them.
   */
  factsSeconds: number;
  postgres: PostgresCopy | PostgresSkipped;
  /** DuckDB's memory_limit in the load children, as it reads it back. */
  memoryLimit: string;
  /** Where that limit came from. */
  memoryLimitSource: string;
  /**
   * The explicit CHECKPOINT right after each measurement (load-child.ts), added up per line: DuckDB finishes writing a
   * table made by `CREATE TABLE … AS` only at the next checkpoint (closing the database runs one), while our loads'
   * commits leave next to nothing for it. `ours` is the loads without the issue assignment; `folder` the one load.
   */
  checkpointSeconds: { bare: number; ours: number; folder: number };
  /** The highest peak RSS of a load child, and which file it loaded. */
  peakRss: { kiB: number; file: string };
}

const secs = (s: number) => s.toFixed(s < 10 ? 3 : 2);
const times = (ours: number, bare: number) => (bare > 0 ? `${(ours / bare).toFixed(2)}×` : 'n/a');
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function verdict(seconds: number, bare: number, target: number): string {
  return `≤ ${target}×: ${bare > 0 && seconds / bare <= target ? 'met' : 'missed'}`;
}

function postgresRows(postgres: PostgresCopy | PostgresSkipped, bare: number): string[][] {
  if ('skipped' in postgres) return [['PostgreSQL bare COPY into text tables', `skipped: ${postgres.skipped}`, '', '', '']];
  return (['unlogged', 'logged'] as const).map((mode) => {
    const seconds = sum(postgres.seconds[mode]);
    return [`PostgreSQL ${postgres.version.split(" ")[0]} bare COPY, ${mode} text tables`, secs(seconds), times(seconds, bare), 'reference', ''];
  });
}

/** The folder load's line, beside the files one by one loaded as it was (with the issue assignment or without). */
function folderRow(figures: TargetFigures): string[] {
  const { bareSeconds: bare, folderSeconds: folder } = figures;
  const oneByOne = figures.folderIssueAssignment ? figures.completeSeconds : figures.withoutIssuesSeconds;
  const assignment = figures.folderIssueAssignment ? 'with' : 'without';
  return [
    `complete load as one load of the 3 files, ${assignment} the issue assignment`, secs(folder), times(folder, bare), verdict(folder, bare, completeTarget),
    `what npm run load -- folder/ does${oneByOne === null ? '' : `; ${times(folder, oneByOne)} the files one by one`}`,
  ];
}

/**
 * The target lines again with each side's data written out: the bare read's own checkpoint is part of reading a file
 * into a table of a database file (bench/README.md, "The checkpoint a bare read leaves").
 */
function writtenOutRows(figures: TargetFigures): string[][] {
  const { bare: bareCheckpoint, ours: oursCheckpoint, folder: folderCheckpoint } = figures.checkpointSeconds;
  const bare = figures.bareSeconds + bareCheckpoint;
  const ingest = figures.withoutIssuesSeconds - figures.factsSeconds + oursCheckpoint;
  const complete = figures.withoutIssuesSeconds + oursCheckpoint;
  const folder = figures.folderSeconds + folderCheckpoint;
  return [
    ['DuckDB bare read_csv into a table, and its CHECKPOINT', secs(bare), '1.00×', '', `= ${secs(figures.bareSeconds)} + ${secs(bareCheckpoint)}`],
    ['ingest, facts excluded, and its CHECKPOINT', secs(ingest), times(ingest, bare), verdict(ingest, bare, ingestTarget), `checkpoint ${secs(oursCheckpoint)}`],
    ['complete load, facts included, and its CHECKPOINT', secs(complete), times(complete, bare), verdict(complete, bare, completeTarget), 'tickets without issue assignment'],
    ['complete load as one load of the 3 files, and its CHECKPOINT', secs(folder), times(folder, bare), verdict(folder, bare, completeTarget), `checkpoint ${secs(folderCheckpoint)}`],
  ];
}

/** The target lines, ratios and verdicts, as one table and the memory line under it. */
export function targetReport(figures: TargetFigures, tickets: number): string {
  const { bareSeconds: bare, completeSeconds: complete, withoutIssuesSeconds: withoutIssues, factsSeconds: facts } = figures;
  const ingest = withoutIssues - facts;
  const rows = [
    ['DuckDB bare read_csv into a table (the 3 files)', secs(bare), '1.00×', '', ''],
    ['ingest: read → map → validate → merge, facts excluded', secs(ingest), times(ingest, bare), verdict(ingest, bare, ingestTarget), `= ${secs(withoutIssues)} − facts ${secs(facts)}`],
    ['complete load, facts included', secs(withoutIssues), times(withoutIssues, bare), verdict(withoutIssues, bare, completeTarget), 'tickets without issue assignment'],
    complete === null
      ? ['complete load with the issue assignment (issue 12)', 'not measured (--skip-issue-assignment)', '', '', '']
      : ['complete load with the issue assignment (issue 12)', secs(complete), times(complete, bare), verdict(complete, bare, completeTarget), 'the files one by one'],
    folderRow(figures),
    ...postgresRows(figures.postgres, bare),
  ];
  const memory =
    `memory: the loads ran with DuckDB's memory_limit at ${figures.memoryLimit} (${figures.memoryLimitSource}); ` +
    `peak RSS of a load child ${mib(figures.peakRss.kiB)} (${figures.peakRss.file})`;
  const postgresNote = 'skipped' in figures.postgres ? [] : [`PostgreSQL settings: ${figures.postgres.settings}`];
  return [
    `the load target (issue 14), measured side by side in this run at ${int(tickets)} tickets:`,
    table(['', 'seconds', '÷ bare', 'target', ''], rows).replace(/ +$/gm, ''),
    'the same with each side\'s data written out (the CHECKPOINT right after each measurement counted on both sides):',
    table(['', 'seconds', '÷ bare', 'target', ''], writtenOutRows(figures)).replace(/ +$/gm, ''),
    memory,
    ...postgresNote,
  ].join('\n');
}

/** One round of `--rounds`: the three bare reads, then the one load, back to back. */
export interface PairedRound {
  bareSeconds: number;
  folderSeconds: number;
}

/**
 * The one load against the bare read over several rounds (`--rounds N`), each round's ratio from its own two
 * measurements, minutes apart: on a shared machine a single run's bare read moved by a fifth from one run to the next
 * (bench/README.md, "The tenth session"), which alone decided whether the one load's line read met or missed. The
 * verdict is the median of the rounds' ratios.
 */
export function pairedRoundsReport(rounds: PairedRound[]): string {
  const ratios = rounds.map((r) => r.folderSeconds / r.bareSeconds);
  const rows = rounds.map((r, i) => [String(i + 1), secs(r.bareSeconds), secs(r.folderSeconds), times(r.folderSeconds, r.bareSeconds)]);
  const middle = median(ratios);
  return [
    `the one load against the bare read in ${rounds.length} rounds (each round: the 3 bare reads, then the one load):`,
    table(['round', 'bare read s', 'one load s', '÷ bare'], rows),
    `median of the rounds' ratios ${middle.toFixed(2)}× (from ${Math.min(...ratios).toFixed(2)}× to ${Math.max(...ratios).toFixed(2)}×): ` +
      `≤ ${completeTarget}×: ${middle <= completeTarget ? 'met' : 'missed'}`,
  ].join('\n');
}
