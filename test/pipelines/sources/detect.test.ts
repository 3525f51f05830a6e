// Choosing a built-in mapping from a header: each export's signature picks its own mapping and no other.
import { describe, expect, it } from 'vitest';
import { Database } from '../../../sql/db.ts';
import { readColumns } from '../../../pipelines/read.ts';
import { builtInSources, detectMapping } from '../../../pipelines/sources/index.ts';
import { freshdeskTickets } from '../../../pipelines/sources/freshdesk.ts';
import { zendeskTickets } from '../../../pipelines/sources/zendesk.ts';
import { smallFixture } from '../../helpers/db.ts';
import { fixturePath } from './source-fixture.ts';

describe('detecting built-in sources', () => {
  it('offers every product the issue names as a --source', () => {
    expect([...builtInSources].sort()).toEqual(['chatwoot', 'freshdesk', 'helpscout', 'jira', 'servicenow', 'servicepulse', 'xes', 'zendesk']);
  });

  it('still takes the Zendesk CSV export for Zendesk, and a Freshdesk export for Freshdesk', async () => {
    const db = await Database.open(':memory:');
    try {
      expect(detectMapping('tickets.csv', await readColumns(db, `${smallFixture}tickets.csv`))).toBe(zendeskTickets);
      const freshdesk = fixturePath('freshdesk/tickets.csv');
      expect(detectMapping(freshdesk, await readColumns(db, freshdesk))).toBe(freshdeskTickets);
    } finally {
      await db.close();
    }
  });

  it('refuses a header under the wrong --source, listing the columns found', async () => {
    const db = await Database.open(':memory:');
    try {
      const freshdesk = fixturePath('freshdesk/tickets.csv');
      const columns = await readColumns(db, freshdesk);
      expect(() => detectMapping(freshdesk, columns, { source: 'zendesk' })).toThrow(/is not a known zendesk export\. Columns found: "Ticket ID"/);
    } finally {
      await db.close();
    }
  });
});
