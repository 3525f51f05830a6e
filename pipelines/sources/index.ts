// The built-in mappings, and choosing one for a file from its header.
import { canonicalFields } from '../mapping/canonical.ts';
import { missingRequiredColumns } from '../mapping/fit.ts';
import type { LoadKind, Mapping } from '../mapping/types.ts';
import { LoadError } from '../load-error.ts';
import { chatwootConversations } from './chatwoot.ts';
import { freshdeskTickets } from './freshdesk.ts';
import { helpscoutConversations } from './helpscout.ts';
import { jiraIssues } from './jira.ts';
import { servicenowIncidentLog, servicenowIncidents } from './servicenow.ts';
import { servicepulseEvents, servicepulseFeedback } from './servicepulse.ts';
import { xesEvents } from './xes.ts';
import { zendeskJsonTickets, zendeskTickets } from './zendesk.ts';

export const builtInMappings: readonly Mapping[] = [
  zendeskTickets, zendeskJsonTickets, freshdeskTickets, jiraIssues, servicenowIncidents, servicenowIncidentLog,
  chatwootConversations, helpscoutConversations, servicepulseEvents, servicepulseFeedback, xesEvents,
];
export const builtInSources = [...new Set(builtInMappings.map((m) => m.source))];
export const loadKinds = Object.keys(canonicalFields) as LoadKind[];

export interface DetectOptions {
  source?: string;
  kind?: LoadKind;
}

/**
 * The built-in mapping whose required columns the header has, preferring the one that recognises
 * the most columns. When none fits, the error lists the columns found and how to write a mapping.
 */
export function detectMapping(file: string, columns: readonly string[], options: DetectOptions = {}): Mapping {
  const candidates = builtInMappings.filter(
    (m) => (!options.source || m.source === options.source) && (!options.kind || m.kind === options.kind),
  );
  const fitting = candidates
    .filter((m) => missingRequiredColumns(m, columns).length === 0)
    .map((m) => ({ mapping: m, recognised: Object.values(m.fields).filter((spec) => columns.includes(spec.column)).length }))
    .sort((a, b) => b.recognised - a.recognised);
  if (fitting.length > 1 && fitting[0]!.recognised === fitting[1]!.recognised) {
    const names = fitting.filter((f) => f.recognised === fitting[0]!.recognised).map((f) => `${f.mapping.source} ${f.mapping.kind}`);
    throw new LoadError(file, `looks like more than one kind of export (${names.join(', ')}); say which with --source and --kind`);
  }
  if (fitting[0]) return fitting[0].mapping;
  const wanted = [options.source, options.kind].filter(Boolean).join(' ');
  throw new LoadError(
    file,
    `is not a known ${wanted ? `${wanted} ` : ''}export. Columns found: ${columns.map((c) => `"${c}"`).join(', ')}. ` +
      `Write a mapping file (start from \`npm run -s load -- ${file} --print-mapping${options.kind ? ` --kind ${options.kind}` : ''} > mapping.json\`) and pass it with --mapping.`,
  );
}
