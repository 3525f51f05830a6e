// Issue names on the demo against the generator's own words: a problem's subjects (pipelines/demo/vocabulary.ts, every
// language) say it in few words ("Charged twice for subscription", "Двойное списание за подписку"), where its bodies'
// templates add filler a tf·idf over the whole text can rank first ("trying · forgot · goes"). Each problem's largest
// issue (the one holding most of its tickets) is named as a load names it (pipelines/assign-issues.ts), and its three
// name terms are compared, as matching keys, with the keys of the problem's subject templates.
import { beforeAll, describe, expect, it } from 'vitest';
import { assignAnalysed } from '../../../pipelines/assign-issues.ts';
import { issues as problems } from '../../../pipelines/demo/vocabulary.ts';
import { nameTermCount } from '../../../pipelines/issues/naming.ts';
import { defaultGroupingOptions } from '../../../pipelines/issues/state.ts';
import { ticketTerms } from '../../../pipelines/issues/text.ts';
import type { GroupingChanges } from '../../../sql/issues/store.ts';
import { demoTickets, type DemoTicket } from './demo-truth.ts';

/** The matching keys of a problem's subject templates in every language, its {slots} left out. */
function subjectKeys(problem: (typeof problems)[number]): Set<string> {
  const keys = new Set<string>();
  const subjects = [
    ...Object.entries(problem.text).flatMap(([lang, text]) => (text?.subjects ?? []).map((s) => [lang, s] as const)),
    ...Object.entries(problem.pairs ?? {}).flatMap(([lang, pairs]) => (pairs ?? []).map(([s]) => [lang, s] as const)),
  ];
  for (const [lang, subject] of subjects) {
    for (const key of ticketTerms(subject.replace(/\{\w+\}/g, ' '), '', { fallbackLanguage: lang === 'tl' ? 'en' : lang }).terms) keys.add(key);
  }
  return keys;
}

describe('demo issue names', () => {
  let tickets: DemoTicket[];
  let changes: GroupingChanges;

  beforeAll(async () => {
    tickets = await demoTickets(3000, 11);
    const texts = tickets.map((t) => ticketTerms(t.subject, t.description));
    const empty = { state: { options: defaultGroupingOptions, issues: [], corpus: { tickets: 0, documentFrequency: [] } }, nextId: 1, display: new Map(), names: new Map(), createdLoad: new Map() };
    changes = assignAnalysed(empty, tickets.map((_, i) => i), texts);
  });

  it("name each problem's largest issue with its own subjects' words, mostly first", () => {
    const issueOf = new Map(changes.tickets.map((t) => [t.ticketId, t.issueId]));
    const names = new Map(changes.issues.map((r) => [r.issue.id, r.names.slice(0, nameTermCount)]));
    const lines: string[] = [];
    let named = 0;
    let leading = 0;
    let checked = 0;
    problems.forEach((problem, p) => {
      const counts = new Map<number, number>();
      tickets.forEach((t, i) => {
        const id = issueOf.get(i);
        if (t.problem === p && id !== null && id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
      });
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      if (total < 20) return;
      checked++;
      const [largest] = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
      const keys = subjectKeys(problem);
      const name = names.get(largest)!;
      const hits = name.filter((term) => keys.has(term)).length;
      if (hits > 0) named++;
      if (keys.has(name[0]!)) leading++;
      lines.push(`${problem.key}: ${name.join(' · ')}${hits ? '' : '  ✗'}`);
    });
    console.log(`demo names: ${named} of ${checked} problems' largest issues named with a word of their subjects, ${leading} led by one\n  ${lines.join('\n  ')}`);
    // Measured for this commit (seed 11, 32 problems with 20 tickets or more): every name holds a subject word and 28
    // are led by one; by tf·idf alone 30 of 32 held one ("acc409 · syncbridg · mark", "e1043 · gone · onward" did not)
    // and 12 were led by one.
    expect(checked).toBeGreaterThanOrEqual(25);
    expect(named).toBe(checked);
    expect(leading / checked).toBeGreaterThanOrEqual(0.75);
  });
});
