// The Italian help desk log as XES: the test converts the published CSV into an XES log itself (plain
// TypeScript, its own time-zone conversion) and checks that loading it gives exactly what loading the
// CSV gives (which real-datasets.test.ts checks against plain SQL over the raw file).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../sql/db.ts';
import { loadFile } from '../../pipelines/load.ts';
import { readMappingFile } from '../../pipelines/mapping/file.ts';
import { datasets, datasetsAvailable, shippedMappings as mappings } from '../helpers/datasets.ts';
import { freshDb } from '../helpers/db.ts';
import { writeXes, type XesAttribute, type XesTrace } from '../helpers/xes-writer.ts';
import { zonedIso } from '../helpers/zoned-time.ts';

const csvFile = `${datasets}helpdesk_italian_sw_company/helpdesk_finale.csv`;
const available = datasetsAvailable('XES real-dataset');

// Columns that are constant within each case in this log become trace attributes, as in an XES export.
const traceColumns: Record<string, string> = { 'Case ID': 'concept:name', Variant: 'variant', 'Variant index': 'variant-index', seriousness: 'seriousness', responsible_section: 'responsible_section', support_section: 'support_section' };
const eventColumns: Record<string, string> = { Activity: 'concept:name', Resource: 'org:resource', customer: 'customer', product: 'product', seriousness_2: 'seriousness_2', service_level: 'service_level', service_type: 'service_type', workgroup: 'workgroup' };

/** The CSV (no quoting in this file) as XES traces, events in file order; "Complete Timestamp" is Rome time. */
function csvToTraces(): XesTrace[] {
  const [header, ...lines] = readFileSync(csvFile, 'utf8').trimEnd().split('\n');
  const names = header!.split(',');
  const at = (name: string) => names.indexOf(name);
  const traces = new Map<string, XesTrace>();
  for (const line of lines) {
    const cells = line.split(',');
    const id = cells[at('Case ID')]!;
    if (!traces.has(id)) {
      const attributes = Object.entries(traceColumns).map(([column, key]): XesAttribute => ({ key, type: column === 'Variant index' ? 'int' : 'string', value: cells[at(column)]! }));
      traces.set(id, { attributes, events: [] });
    }
    const wall = cells[at('Complete Timestamp')]!.split(/[/ :.]/).map(Number);
    traces.get(id)!.events.push([
      ...Object.entries(eventColumns).map(([column, key]): XesAttribute => ({ key, type: 'string', value: cells[at(column)]! })),
      { key: 'time:timestamp', type: 'date', value: zonedIso(wall, 'Europe/Rome') },
    ]);
  }
  return [...traces.values()];
}

describe.runIf(available)('Italian helpdesk event log as XES: the same tickets as from its CSV', () => {
  let fromCsv: Database;
  let fromXes: Database;
  beforeAll(async () => {
    const xesFile = join(mkdtempSync(join(tmpdir(), 'servicepulse-xes-')), 'helpdesk.xes.gz');
    await writeXes(xesFile, csvToTraces());
    fromCsv = await freshDb();
    fromXes = await freshDb();
    const csv = await readMappingFile(`${mappings}helpdesk-italian-events.json`);
    const xes = await readMappingFile(`${mappings}helpdesk-italian-xes.json`);
    const csvSummary = await loadFile(fromCsv, { file: csvFile, mapping: csv.mapping, timeZone: csv.timeZone });
    const xesSummary = await loadFile(fromXes, { file: xesFile, mapping: xes.mapping, timeZone: xes.timeZone });
    expect([csvSummary.rowsRead, csvSummary.rejected]).toEqual([21_348, 0]);
    expect([xesSummary.rowsRead, xesSummary.inserted, xesSummary.rejected]).toEqual([21_348, csvSummary.inserted, 0]);
  }, 120_000);
  afterAll(async () => {
    await fromCsv?.close();
    await fromXes?.close();
  });

  const both = async (sql: string) => [await fromCsv.read(sql), await fromXes.read(sql)];

  it('has the same 4,580 tickets with the same times, status and category', async () => {
    const [csv, xes] = await both(
      `SELECT external_id, created_at::VARCHAR AS created, status, solved_at::VARCHAR AS solved, closed_at::VARCHAR AS closed, category
         FROM tickets ORDER BY external_id`,
    );
    expect(csv).toHaveLength(4_580);
    expect(xes).toEqual(csv);
  });

  it('has the same events of each kind', async () => {
    const [csv, xes] = await both(`SELECT kind, count(*)::INTEGER AS n, count(DISTINCT actor)::INTEGER AS actors FROM ticket_events GROUP BY kind ORDER BY kind`);
    expect(csv!.length).toBeGreaterThan(5);
    expect(xes).toEqual(csv);
  });

  it('has the same median first response and resolution', async () => {
    const [csv, xes] = await both(
      `SELECT median(first_response_minutes) AS first_response, count(first_response_minutes)::INTEGER AS responded,
              median(full_resolution_minutes) AS resolution, count(full_resolution_minutes)::INTEGER AS resolved
         FROM ticket_facts`,
    );
    expect(csv![0]).toMatchObject({ responded: expect.any(Number), resolved: expect.any(Number) });
    expect(xes).toEqual(csv);
  });
});
