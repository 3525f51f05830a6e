// The server's configuration, parsed once from the environment and the command line.
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  SERVICEPULSE_DB: z.string().min(1).default('data/servicepulse.duckdb'),
  SERVICEPULSE_DEMO: z.enum(['0', '1']).default('1'),
  SERVICEPULSE_DEMO_SIZE: z.coerce.number().int().min(100).max(10_000_000).default(60_000),
  DEBUG: z.string().optional(),
});

export type ServerConfig = {
  port: number;
  host: string;
  databasePath: string;
  seedDemo: boolean;
  demoSize: number;
  debug: boolean;
};

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
    debug: Boolean(e.DEBUG),
  };
}
