// How one import is told on the Data page: its state as a word with an icon (never colour alone), its progress
// as a bar's fraction and a sentence, and its counts. Pure, so the words are unit-tested.
import type { ImportResponse, ImportState, ImportStep } from '$api/contracts';

export interface StateBadge {
  word: string;
  /** A text symbol beside the word, hidden from screen readers (the word says it). */
  icon: string;
  tone: 'good' | 'bad' | 'neutral' | 'busy';
}

const badges: Record<ImportState, StateBadge> = {
  queued: { word: 'Queued', icon: '…', tone: 'busy' },
  loading: { word: 'Loading', icon: '↻', tone: 'busy' },
  committed: { word: 'Committed', icon: '✓', tone: 'good' },
  failed: { word: 'Failed', icon: '✕', tone: 'bad' },
  dry_run: { word: 'Dry run', icon: '○', tone: 'neutral' },
  interrupted: { word: 'Interrupted', icon: '!', tone: 'bad' },
};

export function stateBadge(state: ImportState): StateBadge {
  return badges[state];
}

/** A load that has not finished: the page keeps polling it. */
export function isUnderWay(state: ImportState): boolean {
  return state === 'queued' || state === 'loading';
}

const stepWords: Record<ImportStep, string> = { read: 'read', validated: 'validated', merged: 'merged', facts: 'facts computed' };

/** The bar's value, 0 to 1: the server's estimate while loading, full once finished, empty before it starts. */
export function progressFraction(job: Pick<ImportResponse, 'state' | 'progress'>): number {
  if (!isUnderWay(job.state)) return 1;
  const fraction = job.progress?.fraction ?? 0;
  return Math.min(1, Math.max(0, fraction));
}

/**
 * One sentence for the bar's label, e.g. "Loading: merging, 62 % (last step done: validated)".
 * Finished imports say how they ended.
 */
export function progressText(job: Pick<ImportResponse, 'state' | 'progress' | 'step' | 'error' | 'rows'>): string {
  switch (job.state) {
    case 'queued':
      return 'Queued: waiting for the load before it to finish';
    case 'loading': {
      const percent = `${Math.floor(progressFraction(job) * 100)} %`;
      const phase = job.progress?.phase ?? 'starting';
      const step = job.step ? ` (last step done: ${stepWords[job.step]})` : '';
      return `Loading: ${phase}, ${percent}${step}`;
    }
    case 'committed':
      return job.rows ? `Committed: ${countsText(job.rows)}` : 'Committed';
    case 'dry_run':
      return job.rows ? `Dry run, nothing stored: ${countsText(job.rows)}` : 'Dry run, nothing stored';
    case 'failed':
      return `Failed${job.error ? `: ${job.error}` : ''}`;
    case 'interrupted':
      return 'Interrupted: the server stopped before the load finished; nothing of it was stored';
  }
}

const count = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** "8 read, 5 new, 0 updated, 0 unchanged, 3 rejected" */
export function countsText(rows: NonNullable<ImportResponse['rows']>): string {
  return [
    `${count.format(rows.read)} read`,
    `${count.format(rows.inserted)} new`,
    `${count.format(rows.updated)} updated`,
    `${count.format(rows.unchanged)} unchanged`,
    `${count.format(rows.rejected)} rejected`,
  ].join(', ');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "6 Jan 2026, 14:03 UTC"; an unreadable instant as it came. */
export function formatInstant(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC`;
}

/** When data was last stored: the newest finish of a committed load (a dry run or a failure stored nothing). */
export function lastLoadedAt(imports: readonly Pick<ImportResponse, 'state' | 'finished_at'>[]): string | null {
  let newest: string | null = null;
  for (const job of imports) {
    if (job.state !== 'committed' || !job.finished_at) continue;
    if (newest === null || Date.parse(job.finished_at) > Date.parse(newest)) newest = job.finished_at;
  }
  return newest;
}
