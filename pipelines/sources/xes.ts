// XES event logs (IEEE 1849) by their standard extension keys, and any event-log CSV using the same
// names (pm4py writes them). An XES log has no tickets of its own: its cases become tickets.
// Activities are the log's own words; only those already named as a canonical event kind are known
// here, so a real log needs a mapping file with its activity → kind map (see helpdesk-italian-xes.json).
import type { MappingFile } from '../mapping/file.ts';
import type { Mapping } from '../mapping/types.ts';
import type { FileShape } from '../read.ts';
import { parseXes } from '../readers/xes-parse.ts';
import { XesKeys } from '../readers/xes.ts';
import { eventKinds } from './servicepulse.ts';

export const xesEvents: Mapping = {
  source: 'xes',
  kind: 'events',
  createsTickets: true,
  fields: {
    ticket_external_id: { column: 'case:concept:name', type: 'text' },
    occurred_at: { column: 'time:timestamp', type: 'timestamp' },
    kind: { column: 'concept:name', type: 'enum', values: Object.fromEntries(eventKinds.map((kind) => [kind, kind])) },
    actor: { column: 'org:resource', type: 'text' },
  },
  // org:resource is whoever performed the activity: in a help desk's log, its staff.
  defaults: { actor_kind: 'agent' },
};

/** Beyond this many distinct activities the log is not a help desk's process: the skeleton lists the first ones. */
const maxActivities = 500;

/**
 * A mapping file to start from for an XES log: the standard keys, and every activity of the log to be
 * given its event kind ("?" until a person decides; the mapping is refused while one is left).
 */
export async function xesMappingSkeleton(file: string, shape: FileShape): Promise<MappingFile> {
  const activities = new Set<string>();
  const keys = new XesKeys();
  const collect = keys.sink();
  await parseXes(file, shape, {
    ...collect,
    event: (traceNo, line, attributes) => {
      collect.event(traceNo, line, attributes);
      const activity = attributes['concept:name'];
      if (activity !== undefined && activities.size < maxActivities) activities.add(activity);
    },
  });
  const columns = new Set(keys.columns().map((column) => column.name));
  const standard = Object.fromEntries(Object.entries(xesEvents.fields).filter(([field, spec]) => field !== 'kind' && columns.has(spec.column)).map(([field, spec]) => [field, spec.column]));
  return {
    source: 'my_helpdesk',
    kind: 'events',
    creates_tickets: true,
    fields: { ...standard, kind: { column: 'concept:name', values: Object.fromEntries([...activities].sort().map((activity) => [activity, '?'])) } },
    defaults: { actor_kind: 'agent' },
  };
}
