// The demo's tickets written as two exports in file order (the first `firstCount` rows, then the rest), with the
// organisation loaded: the set-up of the tests that follow issues across a first load and a later one.
import { join } from 'node:path';
import { generateDemo } from '../../pipelines/demo/generate.ts';
import { loadOrganisation } from '../../pipelines/organisation/load.ts';
import type { Database } from '../../sql/db.ts';

export async function demoInTwoExports(db: Database, folder: string, options: { tickets: number; seed: number; firstCount: number }) {
  const manifest = await generateDemo({ tickets: options.tickets, seed: options.seed, outDir: folder });
  const split = (from: number, to: number, name: string) =>
    db.write(async (tx) => {
      await tx.run(
        `COPY (SELECT * EXCLUDE (n) FROM (SELECT *, row_number() OVER () AS n FROM read_csv($file, header = true, all_varchar = true))
                WHERE n > $from AND n <= $to ORDER BY n) TO '${join(folder, name)}' (HEADER)`,
        { file: manifest.files.tickets, from, to },
      );
    });
  await split(0, options.firstCount, 'first.csv');
  await split(options.firstCount, options.tickets, 'second.csv');
  await loadOrganisation(db, manifest.files.organisation);
  return { manifest, firstFile: join(folder, 'first.csv'), secondFile: join(folder, 'second.csv') };
}
