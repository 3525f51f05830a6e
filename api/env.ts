// The server's configuration, parsed once from the environment and the command line.
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { parseByteSize } from '../common/byte-size.ts';

const byteSize = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => parseByteSize(text) ?? (ctx.addIssue({ code: 'custom', message: 'expected a size such as 1GiB, 500MB or 1048576' }), z.NEVER));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  SERVICEPULSE_DB: z.string().min(1).default('data/servicepulse.duckdb'),
  SERVICEPULSE_DEMO: z.enum(['0', '1']).default('1'),
  SERVICEPULSE_DEMO_SIZE: z.coerce.number().int().min(100).max(10_000_000).default(60_000),
  SERVICEPULSE_IMPORT_DIR: z.string().min(1).optional(),
  SERVICEPULSE_UPLOAD_LIMIT: byteSize('1GiB'),
  SERVICEPULSE_DECOMPRESSED_LIMIT: byteSize('16GiB'),
  SERVICEPULSE_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((text, ctx) => {
      const names = text.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
      const bad = names.find((name) => !/^\.?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(name));
      if (bad === undefined) return names;
      ctx.addIssue({ code: 'custom', message: `"${bad}" is not a host name; list names without scheme or port, separated by commas (servicepulse.example.com,.internal.example)` });
      return z.NEVER;
    }),
  DEBUG: z.string().optional(),
});

export type ServerConfig = {
  port: number;
  host: string;
  databasePath: string;
  seedDemo: boolean;
  demoSize: number;
  /** Uploads land here; a `{ "path" }` import may name only files inside it. */
  importDir: string;
  uploadLimitBytes: number;
  /** Host names requests may be addressed to besides addresses and localhost (api/security/allowed-hosts.ts). */
  allowedHosts: string[];
  /** The most a gzip upload may hold once inflated. */
  decompressedLimitBytes: number;
  debug: boolean;
};

/** Next to the database unless set, so one data folder holds both. */
function defaultImportDir(databasePath: string): string {
  return databasePath === ':memory:' ? resolve('data/imports') : join(dirname(resolve(databasePath)), 'imports');
}

export function readConfig(env: NodeJS.ProcessEnv, argv: string[]): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid setting ${issue.path.join('.')}: ${issue.message}`);
  }
  const unknown = argv.filter((arg) => arg !== '--no-demo');
  if (unknown.length > 0) throw new Error(`Unknown option ${unknown[0]} (the server accepts only --no-demo)`);
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath: e.SERVICEPULSE_DB,
    seedDemo: e.SERVICEPULSE_DEMO === '1' && !argv.includes('--no-demo'),
    demoSize: e.SERVICEPULSE_DEMO_SIZE,
    importDir: resolve(e.SERVICEPULSE_IMPORT_DIR ?? defaultImportDir(e.SERVICEPULSE_DB)),
    uploadLimitBytes: e.SERVICEPULSE_UPLOAD_LIMIT,
    // The name the server was told to listen on is one clients use.
    allowedHosts: [...new Set([e.HOST.toLowerCase(), ...e.SERVICEPULSE_ALLOWED_HOSTS])],
    decompressedLimitBytes: e.SERVICEPULSE_DECOMPRESSED_LIMIT,
    debug: Boolean(e.DEBUG),
  };
}
