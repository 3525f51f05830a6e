// Concurrent suggestion writes over real HTTP on loopback (issue 13, "Concurrency"): 200 submissions at once, then
// 500 people voting at once — each sending its vote twice — while reads go on. Every submission is stored exactly
// once, every person has exactly one live vote (one 200 and one 409 each), and the count is exactly 500.
import { describe, expect, it } from 'vitest';
import type { SuggestionDetailResponse, SuggestionListResponse } from '../../../api/contracts.ts';
import { Database } from '../../../sql/db.ts';
import { stopServer } from '../../support/server-process.ts';
import { databaseWithPeople, jsonHeaders, startServer } from '../../support/suggestion-server.ts';

const submissions = 200;
const voters = 500;

describe('suggestions written concurrently over HTTP', () => {
  it('stores 200 concurrent submissions once each and 500 concurrent votes exactly, while reads go on', { timeout: 600_000 }, async () => {
    const { path, people } = await databaseWithPeople(voters);
    const { server, base } = await startServer(path);
    const readErrors: string[] = [];
    let reads = 0;
    let writing = true;
    let target = 0; // the suggestion voted for
    // Reads all the while: the list and one suggestion, each answered 200 with a whole document.
    const reader = (async () => {
      while (writing) {
        const [list, one] = await Promise.all([
          fetch(`${base}/api/suggestions?sort=votes&limit=20`, { headers: people[0]!.headers }),
          fetch(`${base}/api/suggestions/1`, { headers: people[1]!.headers }),
        ]);
        if (list.status !== 200 || one.status !== 200) readErrors.push(`${list.status} ${one.status}`);
        await list.json();
        await one.json();
        reads += 2;
      }
    })();
    try {
      let started = performance.now();
      const created = await Promise.all(
        Array.from({ length: submissions }, async (_, i) => {
          const response = await fetch(`${base}/api/suggestions`, {
            method: 'POST',
            headers: jsonHeaders(people[i]!),
            body: JSON.stringify({ title: `Concurrent suggestion ${i} ✓`, body: `Body ${i}: <b>kept</b> as written` }),
          });
          return { status: response.status, body: (await response.json()) as SuggestionDetailResponse };
        }),
      );
      const submitSeconds = (performance.now() - started) / 1000;
      expect(created.map((c) => c.status)).toEqual(Array(submissions).fill(201));
      expect(new Set(created.map((c) => c.body.suggestion_id)).size).toBe(submissions);

      target = created[0]!.body.suggestion_id;
      started = performance.now();
      const votes = await Promise.all(
        people.flatMap((person) => [0, 1].map(async () => (await fetch(`${base}/api/suggestions/${target}/vote`, { method: 'POST', headers: person.headers })).status)),
      );
      const voteSeconds = (performance.now() - started) / 1000;
      writing = false;
      await reader;
      // Each person: one vote taken, the other refused as a double vote.
      expect(votes.filter((s) => s === 200)).toHaveLength(voters);
      expect(votes.filter((s) => s === 409)).toHaveLength(voters);
      expect(readErrors).toEqual([]);
      const detail = (await (await fetch(`${base}/api/suggestions/${target}`, { headers: people[0]!.headers })).json()) as SuggestionDetailResponse;
      expect(detail.votes).toBe(voters);
      const list = (await (await fetch(`${base}/api/suggestions?limit=200`, { headers: people[0]!.headers })).json()) as SuggestionListResponse;
      expect(list.total).toBe(submissions + 1); // and the small fixture's one
      console.log(
        `suggestions over HTTP: ${submissions} concurrent submissions in ${submitSeconds.toFixed(2)} s (${(submissions / submitSeconds).toFixed(0)}/s); ` +
          `${voters * 2} concurrent vote requests (${voters} people, each twice) in ${voteSeconds.toFixed(2)} s (${((voters * 2) / voteSeconds).toFixed(0)}/s); ${reads} reads meanwhile`,
      );
    } finally {
      writing = false;
      await reader.catch(() => undefined);
      await stopServer(server);
    }
    // In the file, counted without the API: each title once, 500 live votes by 500 people, one event each.
    const db = await Database.open(path);
    try {
      const titles = await db.readOne<{ rows: number; distinct_titles: number }>(
        `SELECT count(*)::INTEGER AS rows, count(DISTINCT title)::INTEGER AS distinct_titles FROM suggestions WHERE title LIKE 'Concurrent suggestion %'`,
      );
      expect(titles).toEqual({ rows: submissions, distinct_titles: submissions });
      const stored = await db.read<{ title: string; body: string }>(`SELECT title, body FROM suggestions WHERE title = 'Concurrent suggestion 7 ✓'`);
      expect(stored).toEqual([{ title: 'Concurrent suggestion 7 ✓', body: 'Body 7: <b>kept</b> as written' }]);
      const voteRows = await db.readOne<{ live: number; people: number; events: number }>(
        `SELECT count(*)::INTEGER AS live, count(DISTINCT user_id)::INTEGER AS people,
                (SELECT count(*)::INTEGER FROM suggestion_events WHERE kind = 'vote' AND suggestion_id = $target) AS events
           FROM suggestion_votes WHERE revoked_at IS NULL AND suggestion_id = $target`,
        { target },
      );
      expect(voteRows).toEqual({ live: voters, people: voters, events: voters });
    } finally {
      await db.close();
    }
  });
});
