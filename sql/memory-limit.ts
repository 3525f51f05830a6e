// How much memory DuckDB may use, from SERVICEPULSE_MEMORY_LIMIT: one setting for the CLI, the server and the
// benchmarks alike, since all of them open the database through `Database.open`.
import { totalmem } from 'node:os';
import { formatByteSize, parseByteSize } from '../common/byte-size.ts';

export const memoryLimitVariable = 'SERVICEPULSE_MEMORY_LIMIT';

/** Below this DuckDB cannot even stage a small file, so a smaller value is a typo rather than a wish. */
const smallestLimit = 64 * 1024 ** 2;

/** Why the memory limit setting cannot be used, naming the variable. */
export class MemoryLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MemoryLimitError';
  }
}

/**
 * The limit in bytes: the variable when set, else 60 % of the RAM. DuckDB's own default is 80 %, but some of its
 * allocations bypass the limit; its guide on out-of-memory errors advises 50-60 %, so that a large load spills to
 * disk rather than being killed.
 */
export function memoryLimitBytes(env: NodeJS.ProcessEnv = process.env): number {
  const text = env[memoryLimitVariable];
  if (text === undefined || text.trim() === '') return Math.floor(totalmem() * 0.6);
  const bytes = parseByteSize(text);
  if (bytes === undefined) {
    throw new MemoryLimitError(`${memoryLimitVariable}="${text}" is not a size: write it as 8GiB, 500MB or a number of bytes`);
  }
  if (bytes < smallestLimit) {
    throw new MemoryLimitError(`${memoryLimitVariable}="${text}" is too small: DuckDB needs at least ${formatByteSize(smallestLimit)} to load anything`);
  }
  return bytes;
}
