// Grouping the Twitter customer-support sample (../shared/datasets/twitter_customer_support_twcs_sample, SOURCE.txt
// there: the first 5,000 tweets of Kaggle's twcs.csv): one ticket per thread, its customer's opening tweet (inbound,
// answering nothing). Issue 12 wants threads grouped by problem, not by brand or handle; the top 10 are reported for
// the closing note. Measured for this commit: 1,285 openers to 68 brands, 717 groups, 5 without words; the largest
// is Chipotle's Halloween offer (25), then "app won't even open" across 9 brands (16) and "worst customer service"
// across 7 (15). Short, unrelated tweets mostly stay alone: this sample holds few repeated problems.
import { describe, expect, it } from 'vitest';
import { groupTickets } from '../../../pipelines/issues/group.ts';
import { issueNames } from '../../../pipelines/issues/naming.ts';
import { ticketTerms } from '../../../pipelines/issues/text.ts';
import { Database } from '../../../sql/db.ts';
import { datasets, datasetsAvailable } from '../../helpers/datasets.ts';

const available = datasetsAvailable('Twitter support grouping');

describe.runIf(available)('grouping the Twitter support thread openers', () => {
  it('groups across brands and never names a group by a handle (top 10 reported)', async () => {
    const db = await Database.open(':memory:');
    const rows = await db.read<{ text: string }>(
      `SELECT text FROM read_csv($file, header = true, all_varchar = true)
        WHERE inbound = 'True' AND coalesce(in_response_to_tweet_id, '') = '' ORDER BY CAST(tweet_id AS BIGINT)`,
      { file: `${datasets}twitter_customer_support_twcs_sample/twcs_head_sample.clean.csv` },
    );
    await db.close();
    // Brands' handles are names; customers' are anonymised to numbers.
    const handles = rows.map((r) => [...r.text.matchAll(/@(\w+)/g)].map((m) => m[1]!.toLowerCase()));
    const brands = handles.map((h) => h.filter((handle) => /^[a-z]/.test(handle)));
    const grouping = groupTickets(rows.map((r) => ticketTerms('', r.text, { fallbackLanguage: 'en' }).terms), 0);
    const names = issueNames(grouping.state);
    const top = [...grouping.state.issues].sort((a, b) => b.size - a.size || a.id - b.id).slice(0, 10);
    const brandsOf = (id: number) => new Set(brands.flatMap((b, i) => (grouping.assignment[i] === id && b.length ? [b[0]!] : [])));
    console.log(`Twitter: ${rows.length} thread openers, ${grouping.state.issues.length} groups; top 10:\n` +
      top.map((issue) => `  ${String(issue.size).padStart(3)}  ${names.get(issue.id)!.join(' · ').padEnd(30)} brands: ${[...brandsOf(issue.id)].slice(0, 4).join(', ')}`).join('\n'));
    expect(rows.length).toBeGreaterThan(1000);
    const allHandles = new Set(handles.flat());
    for (const issue of top) for (const word of names.get(issue.id)!) expect(allHandles.has(word), word).toBe(false);
    // At least half of the ten largest groups hold tweets to more than one brand.
    expect(top.filter((issue) => brandsOf(issue.id).size > 1).length).toBeGreaterThanOrEqual(5);
  });
});
