// What is wrong with an organisation file, said so that a person finds it: each problem names its place in the file
// in bracket notation (`teams[3].calendar.weekly.mon[1][1]`) and the id of the team, agent … it belongs to, and
// every problem is reported at once (up to a few), not only the first.
import { LoadError } from '../load-error.ts';

/** The most problems one message lists; the rest are counted. */
export const problemsShown = 10;

/** Each list of the file, and the field that identifies its items. */
const idFields: Record<string, string> = {
  teams: 'team_id', agents: 'agent_id', customers: 'customer_id', sla_policies: 'policy_id', users: 'user_id', suggestions: 'suggestion_id',
};

export interface Problem {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

/** `teams[3].calendar.weekly.mon[1][1]`; a key that is no plain name is quoted (`weekly["mon day"]`). */
export function pathInFile(path: ReadonlyArray<PropertyKey>): string {
  const text = path
    .map((segment) =>
      typeof segment === 'number' ? `[${segment}]` : /^[A-Za-z_]\w*$/.test(String(segment)) ? `.${String(segment)}` : `[${JSON.stringify(String(segment))}]`,
    )
    .join('');
  return text.startsWith('.') ? text.slice(1) : text || '(the whole file)';
}

/** `teams[3].calendar… (team "sd")`: the id of the item of a top-level list the path is in, read from the raw file. */
function owner(raw: unknown, path: ReadonlyArray<PropertyKey>): string {
  const [list, index] = path;
  const idField = typeof list === 'string' ? idFields[list] : undefined;
  if (!idField || typeof index !== 'number' || typeof raw !== 'object' || raw === null) return '';
  const item = (raw as Record<string, unknown>)[list as string];
  const id = Array.isArray(item) ? (item[index] as Record<string, unknown> | undefined)?.[idField] : undefined;
  return typeof id === 'string' || typeof id === 'number' ? ` (${idField.replace(/_id$/, '')} ${JSON.stringify(id)})` : '';
}

/** The load's error for these problems: the file, how many, and each with its path and owner. */
export function organisationError(file: string, raw: unknown, problems: readonly Problem[]): LoadError {
  const lines = problems.slice(0, problemsShown).map((p) => `  ${pathInFile(p.path)}${owner(raw, p.path)}: ${p.message}`);
  if (problems.length > problemsShown) lines.push(`  … and ${problems.length - problemsShown} more`);
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  return new LoadError(file, `the organisation file has ${count} (docs/importing.md, "The organisation file"):\n${lines.join('\n')}`);
}
