// Small export files a test writes for itself, each in a temporary folder of its own per test file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A writer of files into a new temporary folder: `write(name, lines)` gives the file's path (lines end in LF). */
export function textFiles(prefix: string): (name: string, lines: string[]) => string {
  const dir = mkdtempSync(join(tmpdir(), `servicepulse-${prefix}-`));
  return (name, lines) => {
    const path = join(dir, name);
    writeFileSync(path, lines.join('\n') + '\n');
    return path;
  };
}
