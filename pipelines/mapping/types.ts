// A mapping says how one export's columns become canonical fields. Built-in sources are mappings
// like any user-written one, so every export takes the same validated, set-wise SQL path.
export type LoadKind = 'tickets' | 'events' | 'feedback';

export type FieldSpec =
  | { column: string; type: 'text'; required?: boolean }
  | { column: string; type: 'integer'; required?: boolean }
  | { column: string; type: 'number'; required?: boolean }
  /** Without `format`, an ISO 8601 instant; with it, a strptime format read in the load's time zone, or "epoch" (Unix seconds). */
  | { column: string; type: 'timestamp'; format?: string; required?: boolean }
  /** A duration in minutes after another canonical timestamp (Zendesk's "First reply time in minutes"). */
  | { column: string; type: 'minutes_after'; after: string; required?: boolean }
  /** Raw values (compared trimmed and case-insensitively) to canonical ones; anything else is rejected. */
  | { column: string; type: 'enum'; values: Record<string, string>; required?: boolean }
  | { column: string; type: 'list'; separator: string; required?: boolean };

export interface Mapping {
  source: string;
  kind: LoadKind;
  /** Canonical field name → where and how to read it. */
  fields: Record<string, FieldSpec>;
  /** Canonical values used where a field has no column or its cell is empty (e.g. every actor is an agent). */
  defaults?: Record<string, string>;
  /** Cell values that mean "no value" in this export (ServiceNow writes "?"), besides the empty cell. */
  nulls?: string[];
  /** Tickets and feedback: the file is a snapshot log, a row per change; per id the row latest by this field wins. */
  latestBy?: string;
  /** Events only: a ticket that is not loaded yet is created from its events (event-log-only exports). */
  createsTickets?: boolean;
}
