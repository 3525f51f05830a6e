// What the issue benchmarks share (issues.ts, issues-load.ts): their options read the same way, and their figures
// printed as one aligned table.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const int = (n: number) => Math.round(n).toLocaleString('en');
export const mib = (kib: number) => `${int(kib / 1024)} MiB`;

/** Columns padded to their widest cell: the first left-aligned (a label), the others right-aligned (figures). */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * A benchmark's options (with `--help`), then `read` turning them into its settings; an exit code instead when the
 * options cannot be read (said on stderr with the usage) or `--help` was asked for.
 */
export function benchOptions<O extends NonNullable<ParseArgsConfig['options']>, T>(
  name: string,
  usage: string,
  argv: string[],
  options: O,
  read: (values: ReturnType<typeof parseArgs<{ args: string[]; options: O }>>['values']) => T,
): T | number {
  try {
    const { values } = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } } });
    if ((values as { help?: boolean }).help) {
      console.log(usage);
      return 0;
    }
    return read(values as never);
  } catch (error) {
    console.error(`bench ${name}: ${(error as Error).message}\n${usage}`);
    return 1;
  }
}
