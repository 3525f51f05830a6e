// The demo generator's own truth for the grouping's quality tests. Every demo ticket's Tags start with its true
// problem's tags (pipelines/demo/vocabulary.ts `issues[].tags`, then the channel, `lang_xx`, flags…), so the true
// problem is the issue whose tag list is the longest prefix of the Tags field; the language is its `lang_xx` tag
// (English has none). Read from the written CSV, as a loader would see it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo } from '../../../pipelines/demo/generate.ts';
import { issues } from '../../../pipelines/demo/vocabulary.ts';
import { Database } from '../../../sql/db.ts';

export interface DemoTicket {
  subject: string;
  description: string;
  /** Index into `issues` (vocabulary.ts) of the ticket's true problem; −1 if no issue's tags start its Tags. */
  problem: number;
  language: string;
  /** The export's Category/Subcategory ('' when the agent left it out). */
  category: string;
  subcategory: string;
}

export function trueProblem(tags: string): number {
  let best = -1;
  let bestLength = 0;
  issues.forEach((issue, i) => {
    const prefix = issue.tags.join(' ');
    if ((tags === prefix || tags.startsWith(prefix + ' ')) && prefix.length > bestLength) {
      best = i;
      bestLength = prefix.length;
    }
  });
  return best;
}

export async function demoTickets(tickets: number, seed: number): Promise<DemoTicket[]> {
  const folder = await mkdtemp(join(tmpdir(), 'sp-issues-truth-'));
  try {
    const manifest = await generateDemo({ tickets, seed, outDir: folder });
    const db = await Database.open(':memory:');
    try {
      const rows = await db.read<{ subject: string; description: string; tags: string; category: string; subcategory: string }>(
        `SELECT coalesce("Subject", '') AS subject, coalesce("Description", '') AS description, coalesce("Tags", '') AS tags,
                coalesce("Category", '') AS category, coalesce("Subcategory", '') AS subcategory
           FROM read_csv($file, header = true, all_varchar = true)`,
        { file: manifest.files.tickets },
      );
      return rows.map((r) => ({
        subject: r.subject,
        description: r.description,
        problem: trueProblem(r.tags),
        language: /(?:^| )lang_([a-z]{2})(?: |$)/.exec(r.tags)?.[1] ?? 'en',
        category: r.category,
        subcategory: r.subcategory,
      }));
    } finally {
      await db.close();
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
