// ServiceNow incidents. The incident table exported from a list (right-click a column header → Export →
// CSV): a row per incident, field names as headers, display values ("In Progress", "2 - High"), timestamps
// in the exporting user's time zone and date format (the default yyyy-MM-dd HH:mm:ss is assumed). Raw
// choice values (1, 2, …) are accepted too, for exports made with sysparm_display_value=false.
// And the incident audit log as published by Amaral et al. (a snapshot row per update), whose mapping
// ships as pipelines/mappings/servicenow-incident-log.json and is built in from that one file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mappingFileSchema, mappingFromFile } from '../mapping/file.ts';
import type { Mapping } from '../mapping/types.ts';

const servicenowTime = '%Y-%m-%d %H:%M:%S';

export const servicenowIncidents: Mapping = {
  source: 'servicenow',
  kind: 'tickets',
  fields: {
    external_id: { column: 'number', type: 'text' },
    subject: { column: 'short_description', type: 'text' },
    description: { column: 'description', type: 'text' },
    created_at: { column: 'opened_at', type: 'timestamp', format: servicenowTime },
    updated_at: { column: 'sys_updated_on', type: 'timestamp', format: servicenowTime },
    solved_at: { column: 'resolved_at', type: 'timestamp', format: servicenowTime },
    closed_at: { column: 'closed_at', type: 'timestamp', format: servicenowTime },
    due_at: { column: 'due_date', type: 'timestamp', format: servicenowTime },
    status: {
      column: 'state',
      type: 'enum',
      values: {
        new: 'new', 'in progress': 'open', 'on hold': 'on_hold', resolved: 'solved', closed: 'closed', canceled: 'closed',
        1: 'new', 2: 'open', 3: 'on_hold', 6: 'solved', 7: 'closed', 8: 'closed',
      },
    },
    priority: {
      column: 'priority',
      type: 'enum',
      values: {
        '1 - critical': 'urgent', '2 - high': 'high', '3 - moderate': 'normal', '4 - low': 'low', '5 - planning': 'low',
        1: 'urgent', 2: 'high', 3: 'normal', 4: 'low', 5: 'low',
      },
    },
    channel: {
      column: 'contact_type',
      type: 'enum',
      values: {
        email: 'email', phone: 'phone', ivr: 'phone', 'self-service': 'web', self_service: 'web', 'service portal': 'web',
        'walk-in': 'desk', walk_in: 'desk', chat: 'chat', 'virtual agent': 'chat', virtual_agent: 'chat', social: 'social',
        alert: 'other', monitoring: 'other', 'event management': 'other',
      },
    },
    category: { column: 'category', type: 'text' },
    subcategory: { column: 'subcategory', type: 'text' },
    requester_id: { column: 'caller_id', type: 'text' },
    organization: { column: 'company', type: 'text' },
    assignee: { column: 'assigned_to', type: 'text' },
    team: { column: 'assignment_group', type: 'text' },
    submitter: { column: 'opened_by', type: 'text' },
    reopens: { column: 'reopen_count', type: 'integer' },
    // ServiceNow counts a reassignment each time the assignment group changes: team stations − 1.
    team_changes: { column: 'reassignment_count', type: 'integer' },
  },
  // Incidents raised by monitoring or integrations often have no contact type.
  defaults: { channel: 'other' },
};

const incidentLogFile = fileURLToPath(new URL('../mappings/servicenow-incident-log.json', import.meta.url));

export const servicenowIncidentLog: Mapping = mappingFromFile(
  mappingFileSchema.parse(JSON.parse(readFileSync(incidentLogFile, 'utf8'))),
  incidentLogFile,
).mapping;
