// Metrics on real public exports, served by GET /api/metrics as the dashboard asks for them, against an
// independent computation over the raw file in the test: plain SQL for the ServiceNow and helpdesk logs, plain
// TypeScript for the twcs tweets. None of it goes through the load path or ticket_facts.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import type { SeriesResponse } from '../../api/contracts.ts';
import { loadFile } from '../../pipelines/load.ts';
import { readMappingFile } from '../../pipelines/mapping/file.ts';
import type { Database } from '../../sql/db.ts';
import { datasets, datasetsAvailable, shippedMappings } from '../helpers/datasets.ts';
import { freshDb } from '../helpers/db.ts';
import { signedIn } from '../helpers/signed-in.ts';

const available = datasetsAvailable('Real-dataset metrics');
const allTime = 'from=2000-01-01&to=2100-01-01&grain=quarter';

/** A database with one real file loaded through its shipped mapping, and the API over it. */
function servedDataset(file: string, mappingFile: string) {
  const served = {} as { db: Database; total: (path: string) => Promise<SeriesResponse['total']> };
  beforeAll(async () => {
    served.db = await freshDb();
    const { mapping, timeZone } = await readMappingFile(`${shippedMappings}${mappingFile}`);
    await loadFile(served.db, { file, mapping, timeZone });
    const app = await signedIn(createApp({ db: served.db }), served.db);
    served.total = async (path) => {
      const response = await app.request(path);
      expect(response.status).toBe(200);
      return ((await response.json()) as SeriesResponse).total;
    };
  });
  afterAll(async () => {
    await served.db.close();
  });
  return served;
}

describe.runIf(available)('ServiceNow incident log: median resolution and reopen share', () => {
  const file = `${datasets}servicenow_incident_event_log/incident_event_log.csv.gz`;
  const served = servedDataset(file, 'servicenow-incident-log.json');

  it('equal the latest snapshot of each incident read straight from the file', async () => {
    // The latest snapshot is the one with the highest modification count (then the latest update); the two rows
    // with the invalid state "-100" are left out, as the load rejects them. Solved: Resolved or Closed.
    const independent = await served.db.readOne<{ median: number; reopen_share: number; solved: number }>(
      `WITH snapshots AS (
         SELECT number, incident_state, opened_at, resolved_at, reopen_count::INTEGER AS reopens,
                row_number() OVER (PARTITION BY number ORDER BY sys_mod_count::INTEGER DESC, sys_updated_at DESC) AS newest
           FROM read_csv($file, header = true, all_varchar = true)
          WHERE incident_state <> '-100')
       SELECT quantile_cont(epoch(strptime(resolved_at, '%d/%m/%Y %H:%M') - strptime(opened_at, '%d/%m/%Y %H:%M')) / 60, 0.5) AS median,
              100.0 * count(*) FILTER (WHERE reopens > 0) / count(*) AS reopen_share, count(*)::INTEGER AS solved
         FROM snapshots
        WHERE newest = 1 AND incident_state IN ('Resolved', 'Closed') AND resolved_at <> '?'`,
      { file },
    );
    const resolution = await served.total(`/api/metrics/resolution_time?${allTime}&stat=p50&hours=calendar`);
    expect(resolution.tickets).toBe(independent!.solved);
    expect(resolution.value).toBeCloseTo(independent!.median, 6);
    const reopens = await served.total(`/api/metrics/reopen_rate?${allTime}`);
    expect(reopens.tickets).toBe(independent!.solved);
    expect(reopens.value).toBeCloseTo(independent!.reopen_share, 9);
  });

  it('reassignment rate: the last snapshot\'s reassignment_count, and the assignees its snapshots name in turn', async () => {
    // Per incident, its snapshots in time order (sys_updated_at, then the file's line), less the two rows the load
    // rejects (state "-100"). ServiceNow's reassignment_count counts changes of assignment group (team stations − 1);
    // an assignee change within a group it does not count, so those are read from the sequence of named assignees.
    const independent = await served.db.readOne<{ incidents: number; reassigned: number; counted: number }>(
      `WITH snapshots AS (
         SELECT number, reassignment_count::INTEGER AS reassignments, nullif(assigned_to, '?') AS assignee,
                strptime(sys_updated_at, '%d/%m/%Y %H:%M') AS updated, line
           FROM (SELECT *, row_number() OVER () AS line FROM read_csv($file, header = true, all_varchar = true))
          WHERE incident_state <> '-100'),
       assignee_moves AS (
         SELECT number, assignee, lag(assignee IGNORE NULLS) OVER (PARTITION BY number ORDER BY updated, line) AS previous
           FROM snapshots),
       incidents AS (
         SELECT s.number, arg_max(s.reassignments, (s.updated, s.line)) AS reassignments,
                (SELECT count(*) FROM assignee_moves m WHERE m.number = s.number AND m.assignee <> m.previous) AS assignee_changes
           FROM snapshots s GROUP BY s.number)
       SELECT count(*)::INTEGER AS incidents,
              count(*) FILTER (WHERE reassignments >= 1 OR assignee_changes >= 1)::INTEGER AS reassigned,
              count(*) FILTER (WHERE reassignments >= 1)::INTEGER AS counted
         FROM incidents`,
      { file },
    );
    // 9,843 of 20,769 (47.39 %) by reassignment_count; 287 more changed assignee within their group.
    expect(independent!.counted / independent!.incidents).toBeCloseTo(0.4739, 4);
    const rate = await served.total(`/api/metrics/reassignment_rate?${allTime}`);
    expect(rate.tickets).toBe(independent!.incidents);
    expect(rate.value).toBeCloseTo((100 * independent!.reassigned) / independent!.incidents, 9);
    // The team part alone is the counter's share.
    expect(await served.db.read('SELECT count(*) FILTER (WHERE team_stations > 1)::INTEGER AS n FROM ticket_facts')).toEqual([{ n: independent!.counted }]);
  });
});

describe.runIf(available)('Italian helpdesk log: median first response', () => {
  const file = `${datasets}helpdesk_italian_sw_company/helpdesk_finale.csv`;
  const served = servedDataset(file, 'helpdesk-italian-events.json');

  it('equals the first "Take in charge ticket" after each case opens, in elapsed Europe/Rome time', async () => {
    const independent = await served.db.readOne<{ median: number; cases: number }>(
      `WITH events AS (
         SELECT "Case ID" AS case_id, "Activity" AS activity,
                timezone('Europe/Rome', strptime("Complete Timestamp", '%Y/%m/%d %H:%M:%S.%g')) AS instant
           FROM read_csv($file, header = true, all_varchar = true)),
       cases AS (
         SELECT min(instant) AS opened, min(instant) FILTER (WHERE activity = 'Take in charge ticket') AS taken FROM events GROUP BY case_id)
       SELECT quantile_cont(epoch(taken - opened) / 60, 0.5) AS median, count(taken)::INTEGER AS cases FROM cases`,
      { file },
    );
    const firstResponse = await served.total(`/api/metrics/first_response_time?${allTime}&stat=p50&hours=calendar`);
    expect(firstResponse.tickets).toBe(independent!.cases);
    expect(firstResponse.value).toBeCloseTo(independent!.median, 6);
  });
});

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') record.push(field), (field = '');
    else if (ch === '\n') record.push(field), records.push(record), (record = []), (field = '');
    else if (ch !== '\r') field += ch;
  }
  if (field !== '' || record.length > 0) record.push(field), records.push(record);
  return records;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  return (sorted[Math.floor(middle)]! + sorted[Math.ceil(middle)]!) / 2;
}

/**
 * First brand reply per customer-started thread, by brand: each tweet's thread is found by following its
 * in_response_to link up to a tweet that answers nothing; a thread counts when that tweet is a customer's.
 */
function firstReplyMinutesByBrand(file: string): Map<string, number[]> {
  const [header, ...rows] = csvRecords(readFileSync(file, 'utf8'));
  const column = (name: string) => header!.indexOf(name);
  const [id, author, inbound, created, parent] = ['tweet_id', 'author_id', 'inbound', 'created_at', 'in_response_to_tweet_id'].map(column);
  const tweets = new Map(
    rows.filter((row) => row.length === header!.length).map((row) => [row[id!]!, {
      author: row[author!]!, fromCustomer: row[inbound!] === 'True', sent: Date.parse(row[created!]!),
      parent: row[parent!] ? String(Math.trunc(Number(row[parent!]))) : null,
    }]),
  );
  const rootOf = (tweetId: string): string => {
    let current = tweetId;
    for (let parentId = tweets.get(current)!.parent; parentId && tweets.has(parentId); parentId = tweets.get(current)!.parent) current = parentId;
    return current;
  };
  const firstReply = new Map<string, { sent: number; brand: string }>();
  for (const [tweetId, tweet] of tweets) {
    if (tweet.fromCustomer) continue;
    const root = rootOf(tweetId);
    const earlier = firstReply.get(root);
    if (!earlier || tweet.sent < earlier.sent) firstReply.set(root, { sent: tweet.sent, brand: tweet.author });
  }
  const byBrand = new Map<string, number[]>();
  for (const [root, reply] of firstReply) {
    const opening = tweets.get(root)!;
    if (opening.parent !== null || !opening.fromCustomer) continue;
    byBrand.set(reply.brand, [...(byBrand.get(reply.brand) ?? []), (reply.sent - opening.sent) / 60_000]);
  }
  return byBrand;
}

describe.runIf(available)('twcs tweets: median first reply per brand', () => {
  const file = `${datasets}twitter_customer_support_twcs_sample/twcs_head_sample.clean.csv`;
  const served = servedDataset(file, 'twcs-messages.json');

  it('equals the first brand tweet in each customer-started thread, walked in TypeScript', async () => {
    const brands = [...firstReplyMinutesByBrand(file)].sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b)).slice(0, 8);
    expect(brands.length).toBe(8);
    for (const [brand, minutes] of brands) {
      const ours = await served.total(`/api/metrics/first_response_time?${allTime}&stat=p50&team=${encodeURIComponent(brand)}`);
      expect({ brand, tickets: ours.tickets }).toEqual({ brand, tickets: minutes.length });
      expect(ours.value).toBeCloseTo(median(minutes), 6);
    }
  });
});
