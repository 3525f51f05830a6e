// A starting point for a mapping file, from the columns an export has: what `npm run load -- FILE --print-mapping`
// prints and what the dashboard's Data page shows when an upload is not recognised. Pure (no file or database
// access), so the web bundles it.
import { canonicalFields } from './canonical.ts';
import { closest } from './closest.ts';
import type { MappingFile } from './file.ts';
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
};

/** A starting point for a mapping file: every column found, guessed onto a canonical field. */
export function mappingSkeleton(kind: LoadKind, columns: string[]): MappingFile {
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
  return { source: 'my_helpdesk', kind, fields };
}
