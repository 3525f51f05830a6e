// ServiceNow's incident table exported from a list; expected values from test/fixtures/sources/servicenow/README.md.
import { describe, expect, it } from 'vitest';
import { servicenowIncidentLog, servicenowIncidents } from '../../../pipelines/sources/servicenow.ts';
import { detectMapping } from '../../../pipelines/sources/index.ts';
import { describeSourceFixture } from './source-fixture.ts';

describeSourceFixture('ServiceNow incident table (list CSV export, Europe/Zagreb, across the DST change)', {
  file: 'servicenow/incident.csv',
  mapping: servicenowIncidents,
  timeZone: 'Europe/Zagreb',
  rowsRead: 12,
  rejects: [
    { line: 12, column: 'state', reason: 'unknown status value' },
    { line: 13, column: 'opened_at', reason: 'missing created_at' },
    { line: 14, column: 'contact_type', reason: 'unknown channel value' },
  ],
  tickets: {
    INC0010001: { status: 'new', channel: 'email', priority: 'normal', created_at: '2024-03-29T08:00:00Z', description: null, team_changes: 0 },
    INC0010002: { status: 'open', channel: 'phone', priority: 'high', created_at: '2024-03-30T13:30:00Z', description: 'ERP times out, error "504".', team_changes: 1 },
    INC0010003: { status: 'on_hold', channel: 'web', priority: 'low', created_at: '2024-03-31T00:30:00Z' },
    INC0010004: { status: 'solved', channel: 'desk', priority: 'urgent', created_at: '2024-03-31T00:45:00Z', solved_at: '2024-03-31T01:15:00Z' },
    INC0010005: {
      status: 'closed', channel: 'chat', priority: 'normal', created_at: '2024-04-01T08:00:00Z', solved_at: '2024-04-01T09:00:00Z',
      closed_at: '2024-04-04T09:00:00Z', reopens: 1, team_changes: 1,
    },
    INC0010006: { status: 'closed', channel: 'chat', priority: 'low', created_at: '2024-04-02T06:00:00Z', solved_at: null, closed_at: '2024-04-02T06:30:00Z' },
    INC0010007: {
      status: 'open', channel: 'other', priority: 'high', created_at: '2024-04-03T10:00:00Z', requester_id: null,
      subject: 'Disk space low on FS01, 95%', description: 'Monitoring raised it.\nShare "projects", quota 2 TB, used 1.9 TB.',
    },
    INC0010008: { status: 'new', channel: 'social', priority: 'low', created_at: '2024-04-03T21:59:59Z' },
    INC0010009: { status: 'solved', channel: 'email', priority: 'low', created_at: '2024-04-04T07:00:00Z', solved_at: '2024-04-05T15:45:00Z', team_changes: 2 },
  },
});

describe('ServiceNow incident table and audit log', () => {
  // The header of the published incident audit log (Amaral et al., UCI 498), as in ../shared/datasets.
  const logHeader = [
    'number', 'incident_state', 'active', 'reassignment_count', 'reopen_count', 'sys_mod_count', 'made_sla', 'caller_id',
    'opened_by', 'opened_at', 'sys_created_by', 'sys_created_at', 'sys_updated_by', 'sys_updated_at', 'contact_type', 'location',
    'category', 'subcategory', 'u_symptom', 'cmdb_ci', 'impact', 'urgency', 'priority', 'assignment_group', 'assigned_to',
    'knowledge', 'u_priority_confirmation', 'notify', 'problem_id', 'rfc', 'vendor', 'caused_by', 'closed_code', 'resolved_by',
    'resolved_at', 'closed_at',
  ];

  it('tells the audit log (incident_state, sys_updated_at) from the table (state)', () => {
    expect(detectMapping('log.csv', logHeader)).toBe(servicenowIncidentLog);
    expect(detectMapping('log.csv', logHeader, { source: 'servicenow' })).toBe(servicenowIncidentLog);
    // A table export that also lists incident_state is still the table: the log needs sys_updated_at.
    expect(detectMapping('t.csv', ['number', 'opened_at', 'state', 'incident_state', 'contact_type', 'sys_updated_on'])).toBe(servicenowIncidents);
  });

  it('keeps the audit log a snapshot log: the latest update of each incident wins', () => {
    expect(servicenowIncidentLog.latestBy).toBe('updated_at');
    expect(servicenowIncidentLog.nulls).toEqual(['?']);
  });
});
