// How far a load is, for progress bars. DuckDB reports how far the running statement is; the load's own
// steps say which phase it is in. Reading is the one phase whose statement DuckDB measures against the
// file's bytes, so its rate also predicts how long the later phases take (their share of a load's time
// was measured by the load benchmark, bench/README.md).
import type { LoadStep } from './load.ts';

export type LoadPhase = 'reading' | 'validating' | 'merging' | 'computing facts';

export const phases: readonly LoadPhase[] = ['reading', 'validating', 'merging', 'computing facts'];

/** Each phase's share of a load's time, measured on the 1M-ticket benchmark (they sum to 1). */
export const phaseShare: Record<LoadPhase, number> = { reading: 0.25, validating: 0.25, merging: 0.35, 'computing facts': 0.15 };

const phaseAfter: Record<LoadStep, LoadPhase> = {
  read: 'validating',
  validated: 'merging',
  merged: 'computing facts',
  facts: 'computing facts',
};

export interface LoadProgress {
  phase: LoadPhase;
  /** Estimated share of the whole load done, 0 to 1; it never goes back. */
  fraction: number;
  seconds: number;
  /** Bytes of the file read: estimated while reading, all of them after. */
  bytesRead: number;
  bytes: number;
  /** Records in the file, once reading is done. */
  rows?: number;
}

export interface ProgressSource {
  /** Percent of the statement running now, if DuckDB can tell. */
  progress(): number | undefined;
}

/** Polls the load's connection and reports a `LoadProgress` at a steady interval until stopped. */
export class ProgressTracker {
  private phase: LoadPhase = 'reading';
  private phaseStartedAt: number;
  private readSeconds: number | undefined;
  private readPercent = 0;
  private rowCount: number | undefined;
  private factsDone = false;
  private reported = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly bytes: number,
    private readonly source: ProgressSource,
    private readonly report: (progress: LoadProgress) => void,
    private readonly clock: () => number = Date.now,
    private readonly startedAt = clock(),
  ) {
    this.phaseStartedAt = startedAt;
  }

  start(intervalMs = 200): this {
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** A load step finished: the next phase begins. */
  step(step: LoadStep, rows?: number): void {
    const now = this.clock();
    if (this.phase === 'reading') this.readSeconds = (now - this.startedAt) / 1000;
    if (rows !== undefined) this.rowCount = rows;
    this.phase = phaseAfter[step];
    this.factsDone = step === 'facts';
    this.phaseStartedAt = now;
    this.tick();
  }

  /** The current estimate; also what each tick reports. */
  snapshot(): LoadProgress {
    const now = this.clock();
    const index = phases.indexOf(this.phase);
    const done = phases.slice(0, index).reduce((sum, phase) => sum + phaseShare[phase], 0);
    let withinPhase: number;
    if (this.factsDone) {
      withinPhase = 1;
    } else if (this.phase === 'reading') {
      this.readPercent = Math.max(this.readPercent, this.source.progress() ?? 0);
      withinPhase = this.readPercent / 100;
    } else {
      // Later statements' percentages restart at 0 for every statement, so the phase is estimated from the
      // read rate instead, and never claimed finished before its step says so.
      const expected = ((this.readSeconds ?? 0) * phaseShare[this.phase]) / phaseShare.reading;
      withinPhase = expected > 0 ? Math.min((now - this.phaseStartedAt) / 1000 / expected, 0.95) : 0;
    }
    this.reported = Math.max(this.reported, Math.min(done + phaseShare[this.phase] * withinPhase, 1));
    return {
      phase: this.phase,
      fraction: this.reported,
      seconds: (now - this.startedAt) / 1000,
      bytesRead: this.phase === 'reading' ? Math.round((this.bytes * this.readPercent) / 100) : this.bytes,
      bytes: this.bytes,
      rows: this.rowCount,
    };
  }

  private tick(): void {
    this.report(this.snapshot());
  }
}

const units = ['B', 'KB', 'MB', 'GB', 'TB'];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value < 10 && unit > 0 ? 1 : 0)} ${units[unit]}`;
}

export function formatCount(count: number): string {
  if (count >= 1e6) return `${(count / 1e6).toFixed(count >= 1e7 ? 0 : 1)}M`;
  if (count >= 1e3) return `${(count / 1e3).toFixed(count >= 1e4 ? 0 : 1)}k`;
  return String(Math.round(count));
}

function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** One terminal line: bar, percent, phase, throughput (bytes while reading, rows after) and time left. */
export function formatProgressLine(name: string, progress: LoadProgress, barWidth = 24): string {
  const filled = Math.round(progress.fraction * barWidth);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}`;
  const percent = `${String(Math.floor(progress.fraction * 100)).padStart(3)} %`;
  const elapsed = progress.seconds > 0 ? progress.seconds : Number.NaN;
  const throughput =
    progress.rows === undefined
      ? `${formatBytes(progress.bytesRead / elapsed || 0)}/s`
      : `${formatCount(progress.rows)} rows, ${formatCount(progress.rows / elapsed || 0)} rows/s`;
  const eta =
    progress.fraction > 0.01 ? `ETA ${formatDuration((progress.seconds * (1 - progress.fraction)) / progress.fraction)}` : 'ETA …';
  return `${name} ▕${bar}▏${percent}  ${progress.phase}  ${throughput}  ${eta}`;
}
