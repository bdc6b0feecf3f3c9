import { z } from 'zod';
import { entry, readSection } from './entry.js';
import type { ConfigEntry } from './entry.js';

/** Every setting of the process, one section per concern. `wmsync config` prints this list. */
export const configSections = {
  data: {
    dir: entry({ env: 'WMSYNC_DATA_DIR', schema: z.string().min(1), default: './data', doc: 'Directory for the SQLite database and the generated secret key' }),
  },
  db: {
    url: entry({
      env: 'DATABASE_URL',
      schema: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
      default: undefined,
      doc: 'PostgreSQL connection URL; when unset, an SQLite file in the data directory is used',
    }),
    schema: entry({ env: 'WMSYNC_DB_SCHEMA', schema: z.string().regex(/^[a-z_][a-z0-9_]*$/).optional(), default: undefined, doc: 'PostgreSQL schema to use (default: the search_path of the connection)' }),
    poolSize: entry({ env: 'WMSYNC_DB_POOL_SIZE', schema: z.coerce.number().int().positive(), default: 10, doc: 'Maximum PostgreSQL connections per process' }),
  },
  http: {
    host: entry({ env: 'WMSYNC_HOST', schema: z.string().min(1), default: '127.0.0.1', doc: 'Address the HTTP server binds to; set 0.0.0.0 to allow other hosts' }),
    port: entry({ env: 'WMSYNC_PORT', schema: z.coerce.number().int().min(0).max(65535), default: 8080, doc: 'HTTP port' }),
    maxBodyBytes: entry({ env: 'WMSYNC_MAX_BODY_BYTES', schema: z.coerce.number().int().min(1024), default: 1024 * 1024, doc: 'Largest request body the HTTP server reads; larger ones get 413 before they are read' }),
    metricsToken: entry({ env: 'WMSYNC_METRICS_TOKEN', schema: z.string().min(16, 'must be at least 16 characters').optional(), default: undefined, doc: 'Bearer token Prometheus sends for /metrics; without one, /metrics wants a signed-in administrator' }),
    trustedProxies: entry({
      env: 'WMSYNC_TRUSTED_PROXIES',
      schema: z.string().transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
      default: '',
      doc: 'Load balancers or proxies whose X-Forwarded-For names the client (IPs and CIDR ranges, comma-separated); used for sign-in throttling and set-up mode',
    }),
    publicUrl: entry({ env: 'WMSYNC_PUBLIC_URL', schema: z.url().optional(), default: undefined, doc: 'Address users and systems reach the hub at (OAuth callbacks, sandboxes); default http://HOST:PORT' }),
  },
  outbound: {
    allowPrivateTargets: entry({
      env: 'WMSYNC_ALLOW_PRIVATE_TARGETS',
      schema: z.string().transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
      default: '',
      doc: 'Private, loopback or link-local addresses integrations may call anyway: `*`, or a comma list of IPs and CIDR ranges (default: none; the hub-served sandboxes are always reachable)',
    }),
  },
  secrets: {
    key: entry({ env: 'WMSYNC_SECRET_KEY', schema: z.string().optional(), default: undefined, doc: 'Key that encrypts stored secrets (64 hex chars); default: generated into DATA_DIR/secret.key. Every process of a cluster needs the same key' }),
  },
  worker: {
    concurrency: entry({ env: 'WMSYNC_WORKER_CONCURRENCY', schema: z.coerce.number().int().min(1).max(64), default: 2, doc: 'Imports and stock exports one process runs at once (when the hub serves several goods owners, one of them gets all but one), and as many report flows beside them' }),
    tickMs: entry({ env: 'WMSYNC_SCHEDULER_TICK_MS', schema: z.coerce.number().int().min(50).max(60_000), default: 1000, doc: 'How often the scheduler looks for due flows and new warehouse events (ms)' }),
    leaseMs: entry({
      env: 'WMSYNC_LEASE_MS',
      schema: z.coerce.number().int().min(3000).max(3_600_000),
      default: 30_000,
      doc: "How long a flow's lease lasts unless renewed (ms); a run renews it every third of this. A crashed worker's flows are taken over by another host after this; a restart on the same host takes them at once",
    }),
  },
  log: {
    level: entry({ env: 'WMSYNC_LOG_LEVEL', schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), default: 'info', doc: 'Log level' }),
    pretty: entry({ env: 'WMSYNC_LOG_PRETTY', schema: z.enum(['auto', 'true', 'false']), default: 'auto', doc: 'Human-readable logs; auto = when stdout is a terminal' }),
  },
} satisfies Record<string, Record<string, ConfigEntry>>;

type Sections = typeof configSections;
export type Config = { [S in keyof Sections]: ReturnType<typeof readSection<Sections[S]>> };
export type ConfigOverrides = { [S in keyof Sections]?: Partial<Record<keyof Sections[S], unknown>> };

/** Parses the whole configuration once; main.ts is the only caller. */
export function loadConfig(env: Record<string, string | undefined>, overrides: ConfigOverrides = {}): Config {
  const out: Record<string, unknown> = {};
  for (const [name, entries] of Object.entries(configSections)) {
    out[name] = readSection(entries, env, overrides[name as keyof Sections] as Record<string, unknown>);
  }
  return out as Config;
}

/** The documentation lines: env var, default, doc. */
export function describeConfig(): { env: string; default: unknown; doc: string }[] {
  return Object.values(configSections).flatMap((entries) =>
    Object.values(entries).map((e: ConfigEntry) => ({ env: e.env, default: e.default, doc: e.doc })),
  );
}
