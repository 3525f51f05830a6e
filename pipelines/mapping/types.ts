// A mapping says how one export's columns become canonical fields. Built-in sources are mappings
// like any user-written one, so every export takes the same validated, set-wise SQL path.
export type LoadKind = 'tickets' | 'events' | 'messages' | 'feedback';

export type FieldSpec =
  | { column: string; type: 'text'; required?: boolean }
  | { column: string; type: 'integer'; required?: boolean }
  | { column: string; type: 'number'; required?: boolean }
  /**
   * Without `format`, an ISO 8601 instant; with it, a strptime format read in the load's time zone.
   * `columns`: the cells of several columns (e.g. a date and a time) joined by a space, then parsed;
   * `column` then names them for messages.
   */
  | { column: string; type: 'timestamp'; format?: string; columns?: string[]; required?: boolean }
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
  /** Required fields the export does not have at all (e.g. no creation time): loaded as NULL, with a warning. */
  unknownFields?: string[];
  /**
   * Timestamp formats with a numeric day and month: 'check' (default) looks for values in the other order and
   * rejects the undecidable ones; 'as_declared' states the declared order is certain.
   */
  dateOrder?: 'check' | 'as_declared';
  /**
   * Events only: team (as the rows' `ticket_team` writes it, matched trimmed and in any letter case) → support level,
   * for rows whose own `support_level` is empty or not mapped.
   */
  teamLevels?: Record<string, number>;
}

/** The file columns a field reads. */
export function sourceColumns(spec: FieldSpec): string[] {
  return spec.type === 'timestamp' && spec.columns ? spec.columns : [spec.column];
}
