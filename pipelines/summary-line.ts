// The summary a load prints, the same whether it ran here or on a server the file was uploaded to.
import { basename } from 'node:path';
import type { LoadStep, LoadSummary } from './load.ts';
import type { Mapping } from './mapping/types.ts';

export function formatSummary(summary: LoadSummary, mapping: Pick<Mapping, 'source'>): string {
  const n = (value: number) => value.toLocaleString('en');
  const head =
    `${basename(summary.file)}: ${mapping.source} ${summary.kind}${summary.dryRun ? ' (dry run, nothing stored)' : ''} — ` +
    `${n(summary.rowsRead)} read, ${n(summary.inserted)} inserted, ${n(summary.updated)} updated, ` +
    `${n(summary.unchanged)} unchanged${summary.repeated ? ` (${n(summary.repeated)} repeating a row of this file)` : ''}, ${summary.superseded > 0 ? `${n(summary.superseded)} superseded, ` : ''}` +
    `${n(summary.rejected)} rejected${summary.ticketsCreated === undefined ? '' : `, ${n(summary.ticketsCreated)} ticket${summary.ticketsCreated === 1 ? '' : 's'} created`}` +
    `${createdCount(summary.teamsCreated, 'team')}${createdCount(summary.agentsCreated, 'agent')} ` +
    `in ${summary.seconds.toFixed(1)} s`;
  const lines = [head];
  for (const reject of summary.topRejects) lines.push(`  rejected ${n(reject.count)}× ${reject.reason}`);
  for (const warning of summary.warnings ?? []) lines.push(`  warning: ${warning}`);
  if (summary.absentFields.length > 0) lines.push(`  not in this file: ${summary.absentFields.join(', ')}`);
  return lines.join('\n');
}

/** `, 3 teams created`: only when the load created some (a server of an older version does not say). */
function createdCount(count: number | undefined, noun: string): string {
  return count ? `, ${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'} created` : '';
}

export const stepLabels: Record<LoadStep, string> = { read: 'read', validated: 'validated', merged: 'merged', facts: 'facts updated' };
