// The messages kind: customer-started threads become tickets and their messages events. Expected values
// are hand-computed in test/fixtures/messages/README.md.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../sql/db.ts';
import { loadFile, type LoadSummary } from '../../pipelines/load.ts';
import { mappingFromFile, readMappingFile } from '../../pipelines/mapping/file.ts';
import type { Mapping } from '../../pipelines/mapping/types.ts';
import { freshDb } from '../helpers/db.ts';
import { datasets, datasetsAvailable, shippedMappings } from '../helpers/datasets.ts';

const fixtures = fileURLToPath(new URL('../fixtures/messages/', import.meta.url));
const counts = (s: LoadSummary) => ({ read: s.rowsRead, inserted: s.inserted, updated: s.updated, unchanged: s.unchanged, rejected: s.rejected });

describe('messages: hand-made threads', () => {
  let db: Database;
  let mapping: Mapping;
  let first: LoadSummary;
  beforeAll(async () => {
    db = await freshDb();
    mapping = (await readMappingFile(`${fixtures}mapping.json`)).mapping;
    first = await loadFile(db, { file: `${fixtures}threads.csv`, mapping });
  });
  afterAll(async () => {
    await db.close();
  });

  const ticketsNow = () =>
    db.read(
      `SELECT t.external_id, t.requester_id, t.status, t.team_id, t.channel, f.first_response_minutes, t.agent_replies, t.customer_replies
         FROM tickets t JOIN ticket_facts f USING (ticket_id) ORDER BY t.created_at`,
    );

  it('makes a ticket of each customer-started thread', async () => {
    expect(counts(first)).toEqual({ read: 17, inserted: 10, updated: 0, unchanged: 0, rejected: 7 });
    expect(await ticketsNow()).toEqual([
      { external_id: 'm1', requester_id: 'cust_a', status: 'pending', team_id: 'AcmeSupport', channel: 'chat', first_response_minutes: 30, agent_replies: 2, customer_replies: 1 },
      { external_id: 'm5', requester_id: 'cust_b', status: 'pending', team_id: 'BetaHelp', channel: 'chat', first_response_minutes: 60, agent_replies: 1, customer_replies: 2 },
      { external_id: 'm15', requester_id: 'cust_e', status: 'open', team_id: null, channel: 'chat', first_response_minutes: null, agent_replies: 0, customer_replies: 0 },
    ]);
  });

  it('stores each message once as an event of its thread, a bot as a bot', async () => {
    expect(
      await db.read(
        `SELECT t.external_id AS thread, e.message_id, e.kind, e.actor, e.actor_kind
           FROM ticket_events e JOIN tickets t USING (ticket_id) ORDER BY e.occurred_at`,
      ),
    ).toEqual([
      { thread: 'm1', message_id: 'm1', kind: 'created', actor: 'cust_a', actor_kind: 'customer' },
      { thread: 'm1', message_id: 'm2', kind: 'agent_reply', actor: 'AcmeSupport', actor_kind: 'agent' },
      { thread: 'm1', message_id: 'm3', kind: 'customer_reply', actor: 'cust_a', actor_kind: 'customer' },
      { thread: 'm1', message_id: 'm4', kind: 'agent_reply', actor: 'AcmeSupport', actor_kind: 'agent' },
      { thread: 'm5', message_id: 'm5', kind: 'created', actor: 'cust_b', actor_kind: 'customer' },
      { thread: 'm5', message_id: 'm6', kind: 'agent_reply', actor: 'AcmeBot', actor_kind: 'bot' },
      { thread: 'm5', message_id: 'm7', kind: 'customer_reply', actor: 'cust_b', actor_kind: 'customer' },
      { thread: 'm5', message_id: 'm9', kind: 'customer_reply', actor: 'cust_b', actor_kind: 'customer' },
      { thread: 'm5', message_id: 'm8', kind: 'agent_reply', actor: 'BetaHelp', actor_kind: 'agent' },
      { thread: 'm15', message_id: 'm15', kind: 'created', actor: 'cust_e', actor_kind: 'customer' },
    ]);
    expect(await db.read(`SELECT description FROM tickets WHERE external_id = 'm1'`)).toEqual([{ description: 'my order\nis late' }]);
  });

  it('reports duplicates, agent-started threads, orphans and loops with their line', async () => {
    const rejects = await db.read(
      `SELECT line::INTEGER AS line, column_name, value, reason FROM load_rejects WHERE load_id = $id ORDER BY line`,
      { id: first.loadId },
    );
    expect(rejects.map((r) => [r.line, r.column_name, r.value])).toEqual([
      [5, 'message_id', 'm3'],
      [12, 'direction', 'm10'],
      [13, 'direction', 'm10'],
      [14, 'in_reply_to', 'm99'],
      [15, 'in_reply_to', 'm99'],
      [18, 'in_reply_to', 'm17'],
      [19, 'in_reply_to', 'm16'],
    ]);
    expect(rejects.map((r) => r.reason)).toEqual([
      'duplicate external_id in file: line 16 is kept',
      expect.stringMatching(/^starts a thread on the agent side/),
      expect.stringMatching(/^in a thread the agent side started/),
      expect.stringMatching(/^replies to a message that is not in this file/),
      expect.stringMatching(/^in a thread whose earlier message is not in this file/),
      expect.stringMatching(/loop/),
      expect.stringMatching(/loop/),
    ]);
  });

  it('changes nothing when the same file is loaded again', async () => {
    const again = await loadFile(db, { file: `${fixtures}threads.csv`, mapping });
    expect(counts(again)).toEqual({ read: 17, inserted: 0, updated: 0, unchanged: 10, rejected: 7 });
    expect(await db.read(`SELECT count(*)::INTEGER AS n FROM ticket_events`)).toEqual([{ n: 10 }]);
  });

  it('adds the messages of a later export to the threads already loaded', async () => {
    const more = await loadFile(db, { file: `${fixtures}more.csv`, mapping });
    expect(counts(more)).toEqual({ read: 4, inserted: 2, updated: 0, unchanged: 1, rejected: 1 });
    expect(await db.read(`SELECT line::INTEGER AS line, value FROM load_rejects WHERE load_id = $id`, { id: more.loadId })).toEqual([
      { line: 6, value: 'm10' },
    ]);
    expect(await ticketsNow()).toEqual([
      { external_id: 'm1', requester_id: 'cust_a', status: 'open', team_id: 'AcmeSupport', channel: 'chat', first_response_minutes: 30, agent_replies: 2, customer_replies: 2 },
      { external_id: 'm5', requester_id: 'cust_b', status: 'pending', team_id: 'BetaHelp', channel: 'chat', first_response_minutes: 60, agent_replies: 1, customer_replies: 2 },
      { external_id: 'm15', requester_id: 'cust_e', status: 'pending', team_id: 'AcmeSupport', channel: 'chat', first_response_minutes: 90, agent_replies: 1, customer_replies: 0 },
    ]);
  });
});

describe('messages mapping files', () => {
  const base = { source: 'chatdesk', kind: 'messages' as const, fields: { external_id: 'id', sent_at: 'at', author_id: 'who', author_side: 'side' } };

  it('are accepted with the canonical message fields', () => {
    const { mapping } = mappingFromFile({ ...base, fields: { ...base.fields, reply_to_external_id: 'parent', text: 'body' } }, 'm.json');
    expect(mapping.fields.author_side).toEqual({ column: 'side', type: 'enum', values: { customer: 'customer', agent: 'agent', bot: 'bot' }, required: undefined });
    expect(mapping.fields.sent_at!.type).toBe('timestamp');
  });

  it('are refused without an author side, with a side outside the vocabulary, or as a snapshot log', () => {
    const { author_side: _, ...withoutSide } = base.fields;
    expect(() => mappingFromFile({ ...base, fields: withoutSide }, 'm.json')).toThrow(/must map "author_side"/);
    expect(() => mappingFromFile({ ...base, fields: { ...base.fields, author_side: { column: 'side', values: { in: 'client' } } } }, 'm.json')).toThrow(
      /"client", which is not one of customer, agent, bot/,
    );
    expect(() => mappingFromFile({ ...base, latest_by: 'sent_at' }, 'm.json')).toThrow(/"latest_by" applies to tickets and feedback/);
  });
});

// Independently of the load path: each tweet's thread root found by walking reply links upwards (the load
// walks them downwards from the roots), over the clean copy, which DuckDB reads as it is.
const independentThreads = `
  WITH RECURSIVE tweets AS (
         SELECT tweet_id, author_id, inbound = 'True' AS inbound, strptime(created_at, '%a %b %d %H:%M:%S %z %Y') AS sent,
                CAST(CAST(in_response_to_tweet_id AS DOUBLE) AS BIGINT)::VARCHAR AS parent
           FROM read_csv($file, header = true, all_varchar = true)),
       up (tweet_id, ancestor, hops) AS (
         SELECT tweet_id, tweet_id, 0 FROM tweets
         UNION ALL
         SELECT up.tweet_id, t.parent, up.hops + 1 FROM up JOIN tweets t ON t.tweet_id = up.ancestor WHERE t.parent IS NOT NULL),
       rooted AS (SELECT tweet_id, arg_max(ancestor, hops) AS root FROM up GROUP BY tweet_id),
       threads AS (
         SELECT r.root, min(t.sent) FILTER (WHERE NOT t.inbound) AS first_brand_reply,
                arg_min(t.author_id, t.sent) FILTER (WHERE NOT t.inbound) AS brand, count(*) AS messages
           FROM rooted r JOIN tweets t USING (tweet_id) GROUP BY r.root)
  SELECT th.*, date_diff('second', root.sent, th.first_brand_reply) / 60.0 AS first_reply_minutes
    FROM threads th JOIN tweets root ON root.tweet_id = th.root
   WHERE root.parent IS NULL AND root.inbound`;

describe.runIf(datasetsAvailable('Twitter customer support'))('Twitter customer support sample (twcs, 5,000 tweets)', () => {
  const folder = `${datasets}twitter_customer_support_twcs_sample/`;
  const asFound = `${folder}twcs_head_sample.csv`;
  const clean = `${folder}twcs_head_sample.clean.csv`;
  const results = new Map<string, { db: Database; summary: LoadSummary }>();
  beforeAll(async () => {
    const { mapping, timeZone } = await readMappingFile(`${shippedMappings}twcs-messages.json`);
    for (const file of [asFound, clean]) {
      const db = await freshDb();
      results.set(file, { db, summary: await loadFile(db, { file, mapping, timeZone }) });
    }
  });
  afterAll(async () => {
    for (const { db } of results.values()) await db.close();
  });

  const perBrand = (db: Database) =>
    db.read<{ brand: string; threads: number; median: number }>(
      `SELECT team_id AS brand, count(*)::INTEGER AS threads, median(first_response_minutes) AS median
         FROM ticket_facts WHERE team_id IS NOT NULL GROUP BY team_id ORDER BY threads DESC, brand LIMIT 8`,
    );

  it('the as-found file (pandas index column, bare CRs in a tweet) loads like its clean copy', async () => {
    const found = results.get(asFound)!;
    const cleaned = results.get(clean)!;
    expect(counts(found.summary)).toEqual(counts(cleaned.summary));
    expect(found.summary.rowsRead).toBe(5_000);
    expect(await perBrand(found.db)).toEqual(await perBrand(cleaned.db));
    // The tweet typed with CR line breaks keeps them: the bytes of its line in the as-found file.
    const line = readFileSync(asFound, 'utf8').split('\n').find((l) => l.startsWith('2484,3399,'))!;
    const text = line.split(',').slice(5, -2).join(',');
    expect(text).toContain('\r\r');
    expect(await found.db.read(`SELECT description FROM tickets WHERE external_id = '3399'`)).toEqual([{ description: text }]);
  });

  it('reject lines point at the rows they name, also below the tweet with CRs', async () => {
    const { db, summary } = results.get(asFound)!;
    const lines = readFileSync(asFound, 'utf8').split('\n');
    const agentStarted = await db.read<{ line: number; value: string }>(
      `SELECT line::INTEGER AS line, value FROM load_rejects WHERE load_id = $id AND reason LIKE 'starts a thread%' ORDER BY line`,
      { id: summary.loadId },
    );
    expect(agentStarted.at(-1)!.line).toBeGreaterThan(2_589);
    for (const { line, value } of agentStarted) expect(lines[line - 1]).toMatch(new RegExp(`^\\d+,${value},`));
  });

  for (const which of ['as-found', 'clean'] as const) {
    it(`${which}: customer-started threads and first brand reply per brand equal a plain SQL walk over the raw file`, async () => {
      const { db, summary } = results.get(which === 'as-found' ? asFound : clean)!;
      const independent = await db.read<{ threads: number; messages: number }>(
        `SELECT count(*)::INTEGER AS threads, sum(messages)::INTEGER AS messages FROM (${independentThreads})`,
        { file: clean },
      );
      expect(await db.read(`SELECT count(*)::INTEGER AS threads FROM tickets WHERE source = 'twitter'`)).toEqual([{ threads: independent[0]!.threads }]);
      expect(summary.inserted).toBe(independent[0]!.messages);
      const brands = await db.read<{ brand: string; threads: number; median: number }>(
        `SELECT brand, count(*)::INTEGER AS threads, median(first_reply_minutes) AS median
           FROM (${independentThreads}) WHERE brand IS NOT NULL GROUP BY brand ORDER BY threads DESC, brand LIMIT 8`,
        { file: clean },
      );
      const ours = await perBrand(db);
      expect(ours.map((b) => [b.brand, b.threads])).toEqual(brands.map((b) => [b.brand, b.threads]));
      ours.forEach((b, i) => expect(b.median).toBeCloseTo(brands[i]!.median, 6));
    });
  }
});
