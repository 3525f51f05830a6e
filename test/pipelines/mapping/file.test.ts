import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vocabularies } from '../../../pipelines/mapping/canonical.ts';
import { closest } from '../../../pipelines/mapping/closest.ts';
import { mappingSkeleton, readMappingFile } from '../../../pipelines/mapping/file.ts';
import { builtInMappings } from '../../../pipelines/sources/index.ts';

function mappingFile(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'servicepulse-mapping-')), 'mapping.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const minimal = {
  source: 'acme',
  kind: 'tickets',
  fields: { external_id: 'Case Number', created_at: 'Opened', status: 'Status', channel: 'Channel' },
};

describe('mapping files: errors first', () => {
  const cases = [
    { title: 'a typo in a field name names it and suggests the closest', content: { ...minimal, fields: { ...minimal.fields, creatd_at: 'Opened' } }, error: /unknown tickets field "creatd_at" \(did you mean "created_at"\?\)/ },
    { title: 'a typo in a top-level key', content: { ...minimal, timezone: 'Europe/Zagreb' }, error: /unknown key "timezone" \(did you mean "time_zone"\?\)/ },
    { title: 'a typo inside a field spec', content: { ...minimal, fields: { ...minimal.fields, priority: { colum: 'Prio' } } }, error: /unknown key "colum" in fields\.priority \(did you mean "column"\?\)/ },
    { title: 'a required field left out', content: { ...minimal, fields: { external_id: 'Case Number', created_at: 'Opened', status: 'Status' } }, error: /a tickets mapping must map "channel"/ },
    { title: 'a value mapped outside the vocabulary', content: { ...minimal, fields: { ...minimal.fields, channel: { column: 'Channel', values: { Mail: 'e-mail' } } } }, error: /field "channel" maps "Mail" to "e-mail", which is not one of desk, phone, email/ },
    { title: 'an unknown kind', content: { ...minimal, kind: 'tickets2' }, error: /kind: Invalid option/ },
    { title: 'not JSON at all', content: '{ source: acme', error: /is not a readable JSON mapping/ },
  ];
  for (const { title, content, error } of cases) {
    it(title, async () => {
      const path = mappingFile(content);
      const failure = await readMappingFile(path).catch((e: unknown) => e);
      expect((failure as Error).message.startsWith(`${path}: `)).toBe(true);
      expect((failure as Error).message).toMatch(error);
    });
  }
});

describe('mapping files', () => {
  it('default vocabulary fields to the canonical values and timestamps to the file-wide format', async () => {
    const { mapping, timeZone } = await readMappingFile(
      mappingFile({ ...minimal, timestamp_format: '%d.%m.%Y %H:%M', time_zone: 'Europe/Zagreb', fields: { ...minimal.fields, agent_replies: 'Replies', tags: { column: 'Labels', separator: ';' } } }),
    );
    expect(timeZone).toBe('Europe/Zagreb');
    expect(mapping.fields.created_at).toEqual({ column: 'Opened', type: 'timestamp', format: '%d.%m.%Y %H:%M', required: undefined });
    expect(mapping.fields.channel).toMatchObject({ column: 'Channel', type: 'enum' });
    expect(Object.keys((mapping.fields.channel as { values: object }).values)).toEqual(['desk', 'phone', 'email', 'chat', 'social', 'web', 'other']);
    expect(mapping.fields.agent_replies).toMatchObject({ type: 'integer' });
    expect(mapping.fields.tags).toMatchObject({ type: 'list', separator: ';' });
  });

  it('skeletons guess columns onto canonical fields and leave placeholders for the rest', () => {
    expect(mappingSkeleton('tickets', ['Ticket Subject', 'Status', 'Priority', 'Assigned To', 'Weird column'])).toEqual({
      source: 'my_helpdesk',
      kind: 'tickets',
      fields: { subject: 'Ticket Subject', status: 'Status', priority: 'Priority', assignee: 'Assigned To', external_id: '<column holding external_id>', created_at: '<column holding created_at>', channel: '<column holding channel>' },
    });
  });

  it('the skeleton reads camelCase JSON names and lets an exact name win over an earlier near miss', () => {
    const { fields } = mappingSkeleton('tickets', ['id', 'createdBy.last', 'createdAt', 'closedAt', 'Initial response time']);
    expect(fields).toMatchObject({ external_id: 'id', created_at: 'createdAt', closed_at: 'closedAt', first_response_at: 'Initial response time' });
  });

  it('closest() suggests only plausible typos', () => {
    expect(closest('priorty', ['priority', 'status'])).toBe('priority');
    expect(closest('banana', ['priority', 'status'])).toBeUndefined();
  });

  it('built-in mappings map every vocabulary field onto canonical values only', () => {
    for (const mapping of builtInMappings) {
      for (const [field, allowed] of Object.entries(vocabularies[mapping.kind])) {
        const spec = mapping.fields[field];
        if (!spec) continue;
        expect({ source: mapping.source, field, type: spec.type }).toEqual({ source: mapping.source, field, type: 'enum' });
        const targets = Object.values((spec as { values: Record<string, string> }).values);
        expect(targets.filter((value) => !allowed.includes(value))).toEqual([]);
      }
    }
  });
});
