import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../sql/db.ts';
import { loadFile } from '../../pipelines/load.ts';
import { formatBytes, formatCount, formatProgressLine, ProgressTracker, type LoadProgress } from '../../pipelines/progress.ts';
import { zendeskTickets } from '../../pipelines/sources/zendesk.ts';
import { freshDb, smallFixture } from '../helpers/db.ts';

/** A tracker on a clock and a DuckDB progress the test sets by hand; shares are 0.25/0.25/0.35/0.15. */
function trackerAt() {
  let now = 1_000_000;
  let percent: number | undefined;
  const reports: LoadProgress[] = [];
  const tracker = new ProgressTracker(400_000_000, { progress: () => percent }, (p) => reports.push(p), () => now);
  return {
    tracker,
    reports,
    at(seconds: number, statementPercent?: number) {
      now = 1_000_000 + seconds * 1000;
      percent = statementPercent;
      return tracker.snapshot();
    },
  };
}

describe('progress of a load', () => {
  it('measures reading by the statement DuckDB runs, against the file bytes', () => {
    const { at } = trackerAt();
    const half = at(10, 50);
    // Reading is a quarter of a load: half of it is 12.5 % of the whole.
    expect(half).toMatchObject({ phase: 'reading', fraction: 0.125, seconds: 10, bytesRead: 200_000_000, rows: undefined });
    // DuckDB saying less than before (a new statement) never moves the bar back.
    expect(at(11, 10).fraction).toBe(0.125);
  });

  it('estimates the later phases from the reading rate and never claims one done before its step', () => {
    const { tracker, at } = trackerAt();
    at(20, 100);
    tracker.step('read', 1_500_000);
    // Reading took 20 s, so validating (same share) is expected to take 20 s too: 10 s in is half of it.
    expect(at(30, 3)).toMatchObject({ phase: 'validating', fraction: 0.375, bytesRead: 400_000_000, rows: 1_500_000 });
    // Long past the estimate, the phase stays at 95 % of its share: 0.25 + 0.95 × 0.25.
    expect(at(500).fraction).toBeCloseTo(0.4875, 10);
    tracker.step('validated');
    expect(at(500).fraction).toBeCloseTo(0.5, 10);
    tracker.step('merged');
    expect(at(500)).toMatchObject({ phase: 'computing facts', fraction: 0.85 });
    tracker.step('facts');
    expect(at(520)).toMatchObject({ phase: 'computing facts', fraction: 1 });
  });

  it('reports at every step even between ticks', () => {
    const { tracker, reports, at } = trackerAt();
    at(2, 100);
    tracker.step('read', 10);
    tracker.step('validated');
    expect(reports.map((r) => r.phase)).toEqual(['validating', 'merging']);
  });

  it('draws a bar with throughput and time left', () => {
    const reading: LoadProgress = { phase: 'reading', fraction: 0.125, seconds: 10, bytesRead: 200_000_000, bytes: 400_000_000 };
    // 200 MB in 10 s; 12.5 % in 10 s leaves 70 s.
    expect(formatProgressLine('tickets.csv', reading, 8)).toBe('tickets.csv ▕█░░░░░░░▏ 12 %  reading  20 MB/s  ETA 1:10');
    const merging: LoadProgress = { ...reading, phase: 'merging', fraction: 0.5, seconds: 40, bytesRead: 400_000_000, rows: 1_500_000 };
    expect(formatProgressLine('tickets.csv', merging, 8)).toBe('tickets.csv ▕████░░░░▏ 50 %  merging  1.5M rows, 38k rows/s  ETA 0:40');
    expect(formatProgressLine('t', { ...reading, fraction: 0, seconds: 0, bytesRead: 0 }, 4)).toBe('t ▕░░░░▏  0 %  reading  0 B/s  ETA …');
  });

  it('writes sizes and counts the way people read them', () => {
    expect([formatBytes(999), formatBytes(1_234_567), formatBytes(45_600_000_000)]).toEqual(['999 B', '1.2 MB', '46 GB']);
    expect([formatCount(950), formatCount(1_234), formatCount(56_789), formatCount(12_345_678)]).toEqual(['950', '1.2k', '57k', '12M']);
  });
});

describe('a load telling its progress', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(async () => {
    await db.close();
  });

  it('goes through every phase in order, never backwards, and knows the file rows after reading', async () => {
    const reports: LoadProgress[] = [];
    await loadFile(db, { file: join(smallFixture, 'tickets.csv'), mapping: zendeskTickets, onProgress: (p) => reports.push(p) });
    const phasesSeen = [...new Set(reports.map((r) => r.phase))];
    expect(phasesSeen).toEqual(['validating', 'merging', 'computing facts']);
    const fractions = reports.map((r) => r.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    // The fixture has 8 records (README): 5 valid, 3 rejected.
    expect(reports.at(-1)).toMatchObject({ rows: 8, phase: 'computing facts', fraction: 1 });
  });
});
