import { readFile } from 'node:fs/promises';

/** A load that cannot proceed at all; the message starts with the file and says what is wrong. */
export class LoadError extends Error {
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${message}`, options);
    this.name = 'LoadError';
  }
}

/** Reads and parses a JSON file a person wrote; a failure names the file and what it should have been. */
export async function readJsonFile(file: string, what: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new LoadError(file, `is not a readable JSON ${what}: ${(error as Error).message}`, { cause: error });
  }
}
