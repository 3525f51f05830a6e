// XES event logs (IEEE 1849) by their standard extension keys, and any event-log CSV using the same
// names (pm4py writes them). An XES log has no tickets of its own: its cases become tickets.
// Activities are the log's own words; only those already named as a canonical event kind are known
// here, so a real log needs a mapping file with its activity → kind map (see helpdesk-italian-xes.json).
import type { Mapping } from '../mapping/types.ts';
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
