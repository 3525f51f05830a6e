// `{ "path": … }` imports read a file already on the server, but only inside the import folder: the
// API must not become a way to read any file the server process can. Answers name the folder by its setting,
// never by its place on the server.
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ProblemError } from '../problem.ts';
import { acceptedList, isAcceptedName } from './accepted.ts';

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

function outside(requested: string): ProblemError {
  return new ProblemError(403, 'Path outside the import folder', `"${requested}" is not inside the import folder (SERVICEPULSE_IMPORT_DIR); put the file there and name it relative to it.`);
}

/** The real path of `requested` (relative to the folder, or absolute inside it), or a problem. */
export async function resolveImportPath(folder: string, requested: string): Promise<string> {
  if (requested.split(/[\\/]/).includes('..')) {
    throw new ProblemError(400, 'Invalid path', `"${requested}" contains "..": name a file inside the import folder, relative to it.`);
  }
  const candidate = resolve(folder, requested);
  if (!isInside(folder, candidate)) throw outside(requested);
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    throw new ProblemError(404, 'No such file', `There is no file "${requested}" in the import folder.`);
  }
  // A symlink inside the folder may point anywhere; what counts is where it leads.
  if (!isInside(await realpath(folder), real)) throw outside(requested);
  if (!(await stat(real)).isFile()) throw new ProblemError(400, 'Not a file', `"${requested}" in the import folder is not a file.`);
  if (!isAcceptedName(real)) {
    throw new ProblemError(415, 'Unsupported file type', `"${requested}" is not an export ServicePulse reads. Accepted: ${acceptedList}.`, { accepted: acceptedList });
  }
  return real;
}
