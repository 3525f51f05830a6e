// Issues assigned at load time (issue 12 §1): a second load puts its tickets of problems the first load saw into the
// issues the first load made, under the same ids, and leaves the first load's tickets where they were. The truth is
// the demo generator's: it writes every ticket about one problem, in four languages, and states that problem as the
// ticket's Category/Subcategory.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFile } from '../../pipelines/load.ts';
import { loadOrganisation } from '../../pipelines/organisation/load.ts';
import { regroupIssues } from '../../pipelines/regroup-issues.ts';
import { zendeskTickets } from '../../pipelines/sources/zendesk.ts';
import type { Database } from '../../sql/db.ts';
import { issueNamings } from '../../sql/issues/names.ts';
import { recoverUnfinishedLoad } from '../../sql/recovery.ts';
import { fingerprint } from '../helpers/fingerprint.ts';
import { freshDb, smallFixture } from '../helpers/db.ts';
import { demoInTwoExports } from '../helpers/demo-in-two.ts';

type Assigned = {
  external_id: string;
  issue_id: number | null;
  reason: string | null;
  problem: string;
};

const assigned = (db: Database) =>
  db.read<Assigned>(
    `SELECT t.external_id, i.issue_id::INTEGER AS issue_id, i.reason, t.category || '/' || t.subcategory AS problem
       FROM tickets t JOIN ticket_issues i USING (ticket_id) ORDER BY t.ticket_id`,
  );

/** The issue holding most of each problem's tickets. */
function majorityIssue(rows: readonly Assigned[]): Map<string, number> {
  const counts = new Map<string, Map<number, number>>();
  for (const r of rows) {
    if (r.issue_id === null) continue;
    const c = counts.get(r.problem) ?? new Map<number, number>();
    c.set(r.issue_id, (c.get(r.issue_id) ?? 0) + 1);
    counts.set(r.problem, c);
  }
  return new Map([...counts].map(([problem, c]) => [problem, [...c].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0]]));
}

describe('issues assigned by successive loads', () => {
  let folder: string;
  let db: Database;
  let first: Assigned[];
  let firstIssues: { issue_id: number; created_load: number }[];
  let both: Assigned[];
  let secondFile: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'sp-issues-load-'));
    db = await freshDb();
    // The demo's tickets split in two exports in file order: 2,000 then 1,000.
    let firstFile: string;
    ({ firstFile, secondFile } = await demoInTwoExports(db, folder, { tickets: 3000, seed: 11, firstCount: 2000 }));
    await loadFile(db, { file: firstFile, mapping: zendeskTickets });
    first = await assigned(db);
    firstIssues = await db.read('SELECT issue_id::INTEGER AS issue_id, created_load::INTEGER AS created_load FROM issues ORDER BY issue_id');
    await loadFile(db, { file: secondFile, mapping: zendeskTickets });
    both = await assigned(db);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('gives every ticket of the first load an issue or a reason', () => {
    expect(first).toHaveLength(2000);
    expect(first.every((r) => (r.issue_id === null) !== (r.reason === null))).toBe(true);
    expect(first.filter((r) => r.issue_id !== null).length).toBeGreaterThan(1950);
  });

  it('keeps the first load\'s tickets and issues under their ids', async () => {
    expect(firstIssues.length).toBeGreaterThan(30);
    const after = new Map(both.map((r) => [r.external_id, r.issue_id]));
    for (const r of first) expect(after.get(r.external_id), r.external_id).toBe(r.issue_id);
    const issues = new Map((await db.read<{ issue_id: number; created_load: number }>(
      'SELECT issue_id::INTEGER AS issue_id, created_load::INTEGER AS created_load FROM issues',
    )).map((r) => [r.issue_id, r.created_load]));
    for (const issue of firstIssues) expect(issues.get(issue.issue_id)).toBe(issue.created_load);
  });

  // Measured for this commit: 925 of 928 tickets joined an issue of the first load, 913 one that held their problem.
  it('puts the second load\'s tickets of problems the first load saw into the issues it made for them', () => {
    // The grouping may split one problem into several issues (paraphrases, languages): a ticket fits when it joins
    // one of the issues that held its problem's tickets after the first load.
    const issuesOf = new Map<string, Set<number>>();
    for (const r of first) if (r.issue_id !== null) issuesOf.set(r.problem, (issuesOf.get(r.problem) ?? new Set()).add(r.issue_id));
    const known = new Set(firstIssues.map((i) => i.issue_id));
    const second = both.slice(2000).filter((r) => r.issue_id !== null && r.problem !== null && issuesOf.has(r.problem));
    expect(second.length).toBeGreaterThan(800);
    const existing = second.filter((r) => known.has(r.issue_id!)).length;
    const fitting = second.filter((r) => issuesOf.get(r.problem)!.has(r.issue_id!)).length;
    // 0.95 when every language of a problem had its own issue. Now that the first grouping joins a problem's
    // languages by their codes, an issue's core (the terms 30 % of its tickets have) is in its main language only,
    // and 8 % of the second load's tickets (short chats, other languages) start an issue of their own (91.9 %
    // measured; 86.5 % before new groups were folded in by profile, assign.ts) until a regroup.
    expect(existing / second.length).toBeGreaterThanOrEqual(0.9);
    expect(fitting / second.length).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps ten characteristic terms of each issue, as its tickets wrote them, and names it by the first three', async () => {
    const issues = await db.read<{ issue_id: number; name_terms: string[]; display_terms: string[]; features: number }>(
      'SELECT issue_id::INTEGER AS issue_id, name_terms, display_terms, len(feature_counts)::INTEGER AS features FROM issues',
    );
    for (const issue of issues) {
      expect(issue.name_terms.length, `issue ${issue.issue_id}`).toBe(Math.min(10, issue.features));
      expect(issue.display_terms.length).toBe(issue.name_terms.length);
    }
    const namings = await db.withConnection((sql) => issueNamings(sql, issues.map((i) => i.issue_id)));
    for (const issue of issues) expect(namings.get(issue.issue_id)!.name).toBe(issue.display_terms.slice(0, 3).join(' · '));
  });

  it('stores the issues\' sizes as the tickets assigned to them', async () => {
    const mismatched = await db.read(
      `SELECT i.issue_id FROM issues i LEFT JOIN (SELECT issue_id, count(*) AS n FROM ticket_issues GROUP BY ALL) a USING (issue_id)
        WHERE i.size <> coalesce(a.n, 0)`,
    );
    expect(mismatched).toEqual([]);
    const dupes = await db.read('SELECT ticket_id FROM ticket_issues GROUP BY ALL HAVING count(*) > 1');
    expect(dupes).toEqual([]);
  });

  it('changes nothing when the same export is loaded again', async () => {
    const before = await fingerprint(db, ['loads', 'data_state']);
    expect(before.ticket_issues).toMatch(/^3000 rows/);
    await loadFile(db, { file: secondFile, mapping: zendeskTickets });
    const after = await fingerprint(db, ['loads', 'data_state']);
    for (const table of ['issues', 'ticket_issues', 'issue_term_frequency', 'issue_grouping']) expect(after[table], table).toBe(before[table]);
  });

  it('regroups keeping the ids of issues whose problem stayed', async () => {
    const ids = new Set(firstIssues.map((i) => i.issue_id));
    const summary = await regroupIssues(db);
    expect(summary.tickets).toBe(3000);
    const regrouped = await assigned(db);
    const majority = majorityIssue(both);
    const again = majorityIssue(regrouped);
    // The problems' issues are found again, under the same ids.
    const same = [...majority].filter(([problem, id]) => again.get(problem) === id && ids.has(id)).length;
    expect(same / majority.size).toBeGreaterThanOrEqual(0.9);
    const sizes = await db.read(
      `SELECT i.issue_id FROM issues i LEFT JOIN (SELECT issue_id, count(*) AS n FROM ticket_issues GROUP BY ALL) a USING (issue_id)
        WHERE i.size <> coalesce(a.n, 0)`,
    );
    expect(sizes).toEqual([]);
  });
});

describe('bad ticket text at load time', () => {
  it('stores each ticket without words with its reason, and loads the rest', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'sp-issues-bad-'));
    const db = await freshDb();
    try {
      const header = (await import('node:fs')).readFileSync(join(smallFixture, 'tickets.csv'), 'utf8').split('\n')[0]!;
      // ID, …, Subject (9th), Description (10th), …: every other column as the fixture's first row has it.
      const row = (id: string, subject: string, description: string) =>
        `${id},Marko Horvat,c1,marko@example.com,Horvat d.o.o.,Marko Horvat,Ana Kovač,Zagreb Support,${subject},${description},,Open,Normal,Mail,incident,2026-01-05 09:00:00,2026-01-05 09:00:00,,,,1,1,0,0,,,external`;
      const lines = [
        header,
        row('1', '', ''),
        row('2', '😀😀😀', '🙏'),
        row('3', '123 456', '7890'),
        row('4', 'Invoice charged twice', `"${'charged twice '.repeat(80_000)}"`),
        row('5', 'Račun Счёт invoice', 'mixed scripts'),
      ];
      const file = join(folder, 'bad.csv');
      await writeFile(file, `${lines.join('\n')}\n`);
      const summary = await loadFile(db, { file, mapping: zendeskTickets });
      expect(summary.inserted).toBe(5);
      const rows = await db.read<{ external_id: string; issue_id: number | null; reason: string | null }>(
        `SELECT t.external_id, i.issue_id::INTEGER AS issue_id, i.reason FROM tickets t JOIN ticket_issues i USING (ticket_id)
          ORDER BY t.external_id`,
      );
      expect(rows.map((r) => [r.external_id, r.issue_id === null ? r.reason : 'issue'])).toEqual([
        ['1', 'no text'],
        ['2', 'no words left after stripping'],
        ['3', 'no words left after stripping'],
        ['4', 'issue'],
        ['5', 'issue'],
      ]);
    } finally {
      await db.close();
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('a torn load\'s issue rows', () => {
  it('are removed on open, leaving the issues as the last recorded load left them', async () => {
    const db = await freshDb();
    try {
      await loadOrganisation(db, `${smallFixture}organisation.json`);
      await loadFile(db, { file: `${smallFixture}tickets.csv`, mapping: zendeskTickets });
      const before = await fingerprint(db);
      const tickets = before.tickets!.split(' ')[0];
      expect(before.ticket_issues!.split(' ')[0]).toBe(tickets);
      // What a commit cut short leaves (sql/recovery.ts): the rows it appended, tagged with the next load's id, and
      // none of its deletes.
      await db.write(async (tx) => {
        await tx.run(`INSERT INTO issue_grouping SELECT format, options, next_issue_id + 1, corpus_tickets + 1, 2 FROM issue_grouping`);
        await tx.run(`INSERT INTO issues SELECT * REPLACE (size + 1 AS size, 2 AS load_id, 2 AS updated_load) FROM issues`);
        await tx.run(`INSERT INTO ticket_issues SELECT * REPLACE (2 AS load_id) FROM ticket_issues`);
        await tx.run(`INSERT INTO issue_term_frequency SELECT * REPLACE (tickets + 1 AS tickets, 2 AS load_id) FROM issue_term_frequency`);
      });
      const recovery = await recoverUnfinishedLoad(db, () => undefined);
      expect(Object.keys(recovery!.removed).sort()).toEqual(['issue_grouping', 'issue_term_frequency', 'issues', 'ticket_issues']);
      expect(await fingerprint(db)).toEqual(before);
    } finally {
      await db.close();
    }
  });
});
