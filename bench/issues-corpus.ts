// Ticket texts for `npm run bench -- issues`: the demo generator's subjects and descriptions (pipelines/demo/texts.ts:
// the same recurring problems in English, Croatian, Russian, Tagalog, Italian and Spanish, with greetings, sign-offs,
// quoted codes and typos), each with its true problem, without simulating the tickets' lives or writing files.
// Texts are made in rounds of at most `ROUND` planned tickets, each round a demo of its own seed, so that a million
// texts do not need a world planned for a million tickets.
import { DEFAULT_END } from '../pipelines/demo/generate.ts';
import { buildWorld } from '../pipelines/demo/organisation.ts';
import { planTickets } from '../pipelines/demo/plan.ts';
import { Rng } from '../pipelines/demo/random.ts';
import { ticketText } from '../pipelines/demo/texts.ts';

const ROUND = 100_000;

export interface DemoTexts {
  rows: { subject: string; description: string }[];
  /** True problem of each text (the demo's problem keys, numbered in order of first sight). */
  truth: Int32Array;
}

export function demoTexts(tickets: number, seed: number): DemoTexts {
  const rows: DemoTexts['rows'] = [];
  const truth = new Int32Array(tickets);
  const problems = new Map<string, number>();
  for (let round = 0; rows.length < tickets; round++) {
    const count = Math.min(ROUND, tickets - rows.length);
    const roundSeed = seed + round;
    const world = buildWorld({ seed: roundSeed, tickets: count, months: 12, end: DEFAULT_END });
    const companies = [...new Set(world.customers.filter((c) => c.kind === 'external').map((c) => c.organization))].sort();
    const textRng = new Rng(roundSeed, 'text');
    for (const plan of planTickets(world, count, new Rng(roundSeed, 'plan'))) {
      const { subject, description } = ticketText(textRng, plan, companies);
      let problem = problems.get(plan.issue.key);
      if (problem === undefined) problems.set(plan.issue.key, (problem = problems.size));
      truth[rows.length] = problem;
      rows.push({ subject, description });
    }
  }
  return { rows, truth };
}
