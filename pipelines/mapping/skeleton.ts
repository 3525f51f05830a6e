// A starting point for a mapping file, from the columns an export has: what `npm run load -- FILE --print-mapping`
// prints and what the dashboard's Data page shows when an upload is not recognised. Pure (no file or database
// access), so the web bundles it.
import { canonicalFields } from './canonical.ts';
import { closest } from './closest.ts';
import type { MappingFile } from './file.ts';
import { eventFieldNotes, eventKindNotes } from './skeleton-notes.ts';
import type { LoadKind } from './types.ts';

/** Column names helpdesks commonly use for a canonical field, normalised to snake_case. */
const commonNames: Record<string, string[]> = {
  external_id: ['id', 'number', 'key', 'case_number', 'ticket_id', 'ticket_number', 'incident_id', 'case_id', 'conversation_id', 'message_id', 'tweet_id'],
  subject: ['summary', 'title', 'short_description', 'ticket_subject'],
  description: ['body', 'details', 'message', 'ticket_description'],
  created_at: ['opened', 'opened_at', 'created', 'created_date', 'creation_date', 'date_opened', 'created_time', 'date_received'],
  solved_at: ['resolved', 'resolved_at', 'resolution_date', 'resolved_time', 'solved'],
  closed_at: ['closed', 'closed_time', 'closed_date'],
  first_response_at: ['initial_response_time', 'first_responded_at', 'first_reply_created_at', 'first_reply_at'],
  status: ['state', 'incident_state', 'ticket_status'],
  channel: ['via', 'source', 'medium', 'contact_type', 'ticket_channel', 'received_via'],
  assignee: ['assigned_to', 'agent', 'owner'],
  team: ['group', 'assignment_group', 'queue'],
  requester_id: ['caller_id', 'customer_id', 'contact_id', 'reporter_id', 'requester'],
  sent_at: ['created_at', 'sent', 'timestamp', 'date', 'time'],
  author_id: ['author', 'sender', 'sender_id', 'user_id', 'from'],
  author_side: ['inbound', 'direction', 'sender_type', 'author_type'],
  reply_to_external_id: ['in_response_to_tweet_id', 'in_reply_to', 'reply_to', 'parent_id', 'in_reply_to_id'],
  // Event logs (ITSM audit logs, process-mining exports).
  ticket_external_id: ['case', 'case_id', 'case_concept_name', 'incident', 'incident_id', 'number', 'ticket', 'ticket_id', 'ticket_number'],
  occurred_at: ['timestamp', 'time', 'time_timestamp', 'when', 'date', 'event_time', 'complete_timestamp', 'sys_updated_on', 'updated_at'],
  kind: ['activity', 'concept_name', 'event', 'action', 'status', 'state', 'incident_state'],
  actor: ['resource', 'org_resource', 'agent', 'user', 'performed_by', 'updated_by', 'sys_updated_by'],
  ticket_team: ['group', 'assignment_group', 'team', 'queue', 'workgroup', 'support_group'],
  support_level: ['level', 'line', 'tier', 'support_line', 'support_tier', 'escalation_level'],
};

/** A mapping file with comments: keys starting with "//", which the reader drops (file.ts `withoutComments`). */
export type CommentedMappingFile = MappingFile & { [comment: `//${string}`]: unknown };

/** A starting point for a mapping file: every column found, guessed onto a canonical field. */
export function mappingSkeleton(kind: LoadKind, columns: string[]): CommentedMappingFile {
  const guessed = guessFields(kind, columns);
  return kind === 'events' ? eventsSkeleton(guessed) : { source: 'my_helpdesk', kind, fields: guessed };
}

function guessFields(kind: LoadKind, columns: string[]): Record<string, string> {
  const known = Object.keys(canonicalFields[kind].types);
  const normalised = (column: string) =>
    column.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
  const exactly = (name: string) =>
    known.includes(name) ? name : Object.entries(commonNames).find(([field, names]) => known.includes(field) && names.includes(name))?.[0];
  const fields: Record<string, string> = {};
  // Exact and well-known names first, so that a near miss ("createdBy") cannot take a field a later column names exactly.
  for (const guess of [exactly, (name: string) => closest(name, known)]) {
    for (const column of columns) {
      const field = guess(normalised(column));
      if (field && !fields[field] && !Object.values(fields).includes(column)) fields[field] = column;
    }
  }
  for (const field of canonicalFields[kind].required) fields[field] ??= `<column holding ${field}>`;
  return fields;
}

/**
 * An event log's skeleton says everything a person needs to finish it: every field (those not found in the file
 * commented out, with what they mean) and every event kind (commented, with its effect), so that filling in the
 * columns and the log's own activities gives a mapping that loads.
 */
function eventsSkeleton(guessed: Record<string, string>): CommentedMappingFile {
  const fields: Record<string, unknown> = {
    '//': 'canonical field: your column. A field starting with // is not used: remove the // and name your column to use it',
  };
  for (const [field, note] of Object.entries(eventFieldNotes)) {
    const column = guessed[field];
    if (field === 'kind') {
      fields.kind = {
        column: column ?? '<column holding kind>',
        values: {
          '//': 'your activity or status: one of the kinds below. List every activity of your log; a row whose activity is missing is rejected',
          ...Object.fromEntries(Object.entries(eventKindNotes).map(([kind, effect]) => [`// ${kind}`, effect])),
        },
      };
    } else if (column) {
      fields[`// ${field}`] = note;
      fields[field] = column;
    } else {
      fields[`// ${field}`] = `<column holding ${field}>: ${note}`;
    }
  }
  return {
    '//': 'An events mapping: a row per event of a ticket. Name your columns, map your activities in kind.values, then ' +
      'npm run load -- FILE --mapping THIS_FILE. Keys starting with // are comments, dropped when the mapping is read. ' +
      'docs/importing.md, "Event kinds", says exactly what each kind does to the figures.',
    source: 'my_helpdesk',
    kind: 'events',
    '// creates_tickets': 'true: the log is all you have, and each ticket not loaded yet is made from its events. false: the tickets come from a tickets export loaded first',
    creates_tickets: true,
    '// timestamp_format': 'the strptime format of your times, e.g. "%d/%m/%Y %H:%M"; as a key without // when they are not ISO 8601',
    '// time_zone': 'the IANA zone of times written without an offset, e.g. "Europe/Zagreb"; UTC otherwise',
    '// team_levels': { '<team as the log writes it>': 1, '<a second-line team>': 2 },
    fields: fields as MappingFile['fields'],
    defaults: {
      '//': 'values for fields without a column, or for empty cells. A reply counts as a response only from an agent: keep this unless actor_kind is mapped',
      actor_kind: 'agent',
    },
  };
}
