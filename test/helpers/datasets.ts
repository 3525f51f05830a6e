// The real public exports beside the project (../shared/datasets) and the shipped mapping files. Tests over
// them skip visibly when the folder is missing, and fail in CI, where skipping would hide a regression.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inCi } from './ci.ts';

export const datasets = fileURLToPath(new URL('../../../shared/datasets/', import.meta.url));
export const shippedMappings = fileURLToPath(new URL('../../pipelines/mappings/', import.meta.url));

export function datasetsAvailable(what: string): boolean {
  if (existsSync(datasets)) return true;
  if (inCi()) throw new Error(`../shared/datasets is missing (${datasets}): the ${what} tests cannot be skipped in CI`);
  console.warn(`\n!! ${what} tests SKIPPED: ${datasets} is not here (it ships beside the project, not in it).\n`);
  return false;
}
