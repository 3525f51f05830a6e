// Crash safety of suggestion writes (issue 13, "Crash safety"): a server killed with SIGKILL in the middle of a stream
// of submissions, votes and comments from several clients at once loses nothing it acknowledged. Every 201 (and every
// 200 of a vote) answered before the kill is there after a restart, exactly as sent; a write whose answer never
// arrived may or may not be there, and is never there twice.
import { describe, expect, it } from 'vitest';
import type { SuggestionDetailResponse, SuggestionListResponse } from '../../../api/contracts.ts';
import { Database } from '../../../sql/db.ts';
import { stopServer } from '../../support/server-process.ts';
import { databaseWithPeople, jsonHeaders, startServer, type Person } from '../../support/suggestion-server.ts';

const writers = 8;
const rounds = 3;

interface Acknowledged {
  submissions: Map<number, { title: string; body: string }>;
  votes: Set<string>;
  comments: Map<number, string>;
  sent: number;
}

/** One client writing until the server dies: submit, vote for it, comment on it, again. */
async function writeUntilDead(base: string, person: Person, tag: string, acked: Acknowledged): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      const title = `Kill ${tag}-${i} — ünïcode ✓`;
      const body = `<script>alert(${i})</script> body of ${tag}-${i}`;
      acked.sent++;
      const created = await fetch(`${base}/api/suggestions`, { method: 'POST', headers: jsonHeaders(person), body: JSON.stringify({ title, body }) });
      if (created.status !== 201) throw new Error(`submission answered ${created.status}`);
      const { suggestion_id } = (await created.json()) as SuggestionDetailResponse;
      acked.submissions.set(suggestion_id, { title, body });
      const vote = await fetch(`${base}/api/suggestions/${suggestion_id}/vote`, { method: 'POST', headers: person.headers });
      if (vote.status !== 200) throw new Error(`vote answered ${vote.status}`);
      await vote.json();
      acked.votes.add(`${suggestion_id} ${person.user_id}`);
      const comment = await fetch(`${base}/api/suggestions/${suggestion_id}/comments`, { method: 'POST', headers: jsonHeaders(person), body: JSON.stringify({ body: `comment ${tag}-${i}` }) });
      if (comment.status !== 201) throw new Error(`comment answered ${comment.status}`);
      const { comment_id } = (await comment.json()) as { comment_id: number };
      acked.comments.set(comment_id, `comment ${tag}-${i}`);
    } catch {
      return; // the server is gone (connection refused or reset): this client stops
    }
  }
}

describe('a server killed with SIGKILL during a stream of suggestion writes', () => {
  it('has every acknowledged submission, vote and comment after a restart', { timeout: 600_000 }, async () => {
    const { path, people } = await databaseWithPeople(writers);
    const acked: Acknowledged = { submissions: new Map(), votes: new Set(), comments: new Map(), sent: 0 };
    const figures: string[] = [];
    for (let round = 0; round < rounds; round++) {
      const { server, base, port } = await startServer(path);
      const before = acked.submissions.size;
      const streams = people.map((person, w) => writeUntilDead(base, person, `${round}.${w}`, acked));
      // Kill once writes are flowing, at a moment that differs by round (after 40, 90, 140 acknowledged submissions).
      const killAfter = before + 40 + 50 * round;
      while (acked.submissions.size < killAfter) await new Promise((resolve) => setTimeout(resolve, 5));
      server.child.kill('SIGKILL');
      await server.exited;
      await Promise.all(streams);
      expect(server.child.signalCode).toBe('SIGKILL');
      figures.push(`round ${round + 1}: killed after ${acked.submissions.size - before} acknowledged submissions`);

      // Restarted on the same file (and port): everything acknowledged is served.
      const restarted = await startServer(path, port);
      try {
        const reader = people[0]!;
        const listed = new Map<number, SuggestionListResponse['items'][number]>();
        for (let cursor: string | null = '0'; cursor !== null; ) {
          const page = (await (await fetch(`${restarted.base}/api/suggestions?sort=oldest_unanswered&limit=200&cursor=${cursor}`, { headers: reader.headers })).json()) as SuggestionListResponse;
          for (const item of page.items) listed.set(item.suggestion_id, item);
          cursor = page.next_cursor;
        }
        for (const [id, sent] of acked.submissions) {
          expect(listed.get(id), `acknowledged suggestion ${id}`).toMatchObject(sent);
        }
      } finally {
        await stopServer(restarted.server);
      }
    }
    const db = await Database.open(path);
    try {
      const votes = new Set((await db.read<{ key: string }>(`SELECT suggestion_id::INTEGER || ' ' || user_id AS key FROM suggestion_votes WHERE revoked_at IS NULL`)).map((r) => r.key));
      for (const vote of acked.votes) expect(votes.has(vote), `acknowledged vote ${vote}`).toBe(true);
      const comments = new Map(
        (await db.read<{ id: number; body: string }>(`SELECT comment_id::INTEGER AS id, body FROM suggestion_comment_texts WHERE version = 1`)).map((r) => [r.id, r.body]),
      );
      for (const [id, body] of acked.comments) expect(comments.get(id)).toBe(body);
      // Nothing twice: the titles written are unique, and so are they in the file.
      const duplicates = await db.read(`SELECT title FROM suggestions GROUP BY title HAVING count(*) > 1`);
      expect(duplicates).toEqual([]);
      const stored = (await db.readOne<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM suggestions WHERE title LIKE 'Kill %'`))!.n;
      // At most one unacknowledged submission per client per round can have landed (its answer lost in the kill).
      expect(stored).toBeGreaterThanOrEqual(acked.submissions.size);
      expect(stored).toBeLessThanOrEqual(acked.submissions.size + writers * rounds);
      figures.push(`${acked.submissions.size} submissions, ${acked.votes.size} votes, ${acked.comments.size} comments acknowledged in all; ${stored} submissions stored (${stored - acked.submissions.size} whose answer the kill cut off)`);
    } finally {
      await db.close();
    }
    console.log(`suggestions under kill -9: ${figures.join('; ')}`);
  });
});
