// A fresh in-memory database per test file, with the schema applied, and the small hand-made fixture.
import { fileURLToPath } from 'node:url';
import { Database } from '../../sql/db.ts';
import { migrate } from '../../sql/migrate.ts';
import { loadFile } from '../../pipelines/load.ts';
import { loadOrganisation } from '../../pipelines/organisation/load.ts';
import { servicepulseEvents, servicepulseFeedback } from '../../pipelines/sources/servicepulse.ts';
import { zendeskTickets } from '../../pipelines/sources/zendesk.ts';

export const smallFixture = fileURLToPath(new URL('../fixtures/small/', import.meta.url));

export async function freshDb(): Promise<Database> {
  const db = await Database.open(':memory:');
  await migrate(db);
  return db;
}

/** Loads test/fixtures/small (see its README for the hand-computed values) as a Zendesk account. */
export async function loadSmallFixture(db: Database) {
  await loadOrganisation(db, `${smallFixture}organisation.json`);
  const tickets = await loadFile(db, { file: `${smallFixture}tickets.csv`, mapping: zendeskTickets });
  const events = await loadFile(db, { file: `${smallFixture}events.csv`, mapping: servicepulseEvents, source: 'zendesk' });
  const feedback = await loadFile(db, { file: `${smallFixture}feedback.csv`, mapping: servicepulseFeedback, source: 'zendesk' });
  return { tickets, events, feedback };
}
