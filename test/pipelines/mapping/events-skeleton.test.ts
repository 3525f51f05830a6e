// `npm run load -- FILE --print-mapping --kind events`: a skeleton with every events field and every kind, commented
// with "//" keys, which the mapping reader ignores; filled in (columns named, the log's activities mapped), it loads.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../../pipelines/load.ts';
import { canonicalFields, vocabularies } from '../../../pipelines/mapping/canonical.ts';
import { readMappingFile } from '../../../pipelines/mapping/file.ts';
import { Database } from '../../../sql/db.ts';
import { migrate } from '../../../sql/migrate.ts';
import { textFiles } from '../../helpers/text-files.ts';
import { runLoad } from '../../support/run-cli.ts';

const log = textFiles('skeleton')('log.csv', [
  'Case,When,Activity,Agent,Line',
  'K1,02/03/2026 09:00,Logged,,1st', 'K1,02/03/2026 09:30,Answered,ana,1st', 'K1,02/03/2026 11:00,Awaiting user,ana,2nd', 'K1,02/03/2026 15:00,Fixed,ana,2nd',
  'K2,02/03/2026 10:00,Logged,,1st', 'K2,02/03/2026 10:45,Answered,ben,1st',
]);
const dir = dirname(log);

describe('the printed events skeleton', () => {
  it('names every field and every kind, those it could not place as comments', async () => {
    const db = join(dir, 'print.duckdb');
    const printed = await runLoad([log, '--print-mapping', '--kind', 'events', '--db', db]);
    expect(printed.code).toBe(0);
    const skeleton = JSON.parse(printed.stdout);
    expect(skeleton).toMatchObject({ source: 'my_helpdesk', kind: 'events', creates_tickets: true, defaults: { actor_kind: 'agent' } });
    const fields = skeleton.fields as Record<string, unknown>;
    for (const field of Object.keys(canonicalFields.events.types).filter((f) => f !== 'kind')) {
      expect(Object.keys(fields), field).toContain(`// ${field}`);
    }
    // Found in the header by their usual names; the rest wait for a column, commented out.
    expect(fields).toMatchObject({ ticket_external_id: 'Case', occurred_at: 'When', kind: { column: 'Activity' }, actor: 'Agent', support_level: 'Line', '// to_value': expect.stringMatching(/^<column holding to_value>: /) });
    const kinds = Object.keys((fields.kind as { values: Record<string, string> }).values).filter((key) => key !== '//');
    expect(kinds).toEqual(vocabularies.events.kind!.map((kind) => `// ${kind}`));
  });

  it('loads once its columns are named and the log\'s activities mapped', async () => {
    const db = join(dir, 'fill.duckdb');
    const printed = JSON.parse((await runLoad([log, '--print-mapping', '--kind', 'events', '--db', db])).stdout);
    // What a person does with it, comments left in place: add the activities and the levels' words, uncomment a key.
    const filled = structuredClone(printed);
    Object.assign(filled.fields.kind.values, { Logged: 'created', Answered: 'agent_reply', 'Awaiting user': 'wait_start', Fixed: 'solved' });
    filled.fields.support_level = { column: 'Line', values: { '1st': 1, '2nd': 2 } };
    filled.timestamp_format = '%d/%m/%Y %H:%M';
    delete filled['// timestamp_format'];
    const mappingPath = join(dir, 'mapping.json');
    writeFileSync(mappingPath, JSON.stringify(filled, null, 2));
    const { mapping, timeZone } = await readMappingFile(mappingPath);
    const database = await Database.open(':memory:');
    try {
      await migrate(database);
      const summary = await loadFile(database, { file: log, mapping, timeZone });
      expect(summary).toMatchObject({ rowsRead: 6, inserted: 6, rejected: 0, ticketsCreated: 2 });
      // K1: answered after 30 minutes (an agent's reply: the default actor_kind), escalated to the 2nd line, solved at 15:00.
      expect(await database.read(
        `SELECT t.external_id, f.first_response_minutes AS response, f.first_resolution_minutes AS resolution, f.escalations
           FROM tickets t JOIN ticket_facts f USING (ticket_id) ORDER BY 1`,
      )).toEqual([
        { external_id: 'K1', response: 30, resolution: 360, escalations: 1 },
        { external_id: 'K2', response: 45, resolution: null, escalations: 0 },
      ]);
    } finally {
      await database.close();
    }
  });
});
