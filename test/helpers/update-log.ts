// An event log whose two kinds of update both map to internal_note, as in the XES log of issue 14 §8: a case, an
// instant and an activity per row, the cases created from the log.
import { mappingFromJson } from '../../pipelines/mapping/file.ts';

export const updateLogMapping = mappingFromJson({
  source: 'updates', kind: 'events', creates_tickets: true, time_zone: 'UTC',
  fields: {
    ticket_external_id: 'Case', occurred_at: 'At',
    kind: { column: 'Activity', values: { Open: 'created', 'Update description': 'internal_note', 'Update category': 'internal_note', Resolve: 'solved' } },
  },
  defaults: { ticket_channel: 'email', actor_kind: 'agent' },
}, 'updates mapping').mapping;

export const updateLogHeader = 'Case,At,Activity';
