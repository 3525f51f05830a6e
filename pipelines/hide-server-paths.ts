// Messages an API client sees, and those the load history keeps, name a file as its owner knows it: where a
// file lies on the server (the import folder, an upload's folder, the database's) is not theirs to learn.
import { basename, resolve } from 'node:path';

/**
 * An absolute path with at least one folder: a `/` that does not continue a word, a URL or a relative path
 * (`2024/01/02`, `http://host/a/b` and `exports/a.csv` are left alone), then folder names, then the last part.
 */
const absolutePath = /(?<![\w./\\:-])\/(?:[\w.@+~-]+\/)+[\w.@+~-]*/g;

/**
 * `message` with `file` (as given, and resolved) shown as `shownAs` (its base name unless told), and any other
 * absolute path as its last part.
 */
export function hideServerPaths(message: string, file?: string, shownAs = file === undefined ? '' : basename(file)): string {
  let hidden = message;
  if (file !== undefined) {
    // The longer spelling first, so a relative `file` does not cut the absolute one in two.
    const spellings = [...new Set([resolve(file), file])].filter((path) => path.includes('/')).sort((a, b) => b.length - a.length);
    for (const spelling of spellings) hidden = hidden.replaceAll(spelling, shownAs);
  }
  return hidden.replace(absolutePath, (path) => path.split('/').filter(Boolean).at(-1)!);
}
