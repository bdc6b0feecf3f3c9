import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliContext, CliIo, ContextRunner, GlobalOptions } from './cli/context.js';
import { reportError } from './cli/errors.js';
import { buildProgram } from './cli/program.js';
import type { Serve } from './cli/commands/serve.js';
import { loadConfig } from './config/schema.js';
import { createHttpApp } from './http/app.js';
import { createMetrics } from './http/metrics.js';
import { startHttpServer } from './http/server.js';
import { createLogger } from './kernel/logger.js';
import { openStore } from './store/database.js';
import type { Store } from './store/database.js';
import { createUsers } from './access/users.js';
import { builtinRegistry } from './connectors/builtin.js';
import { systemClock } from './kernel/clock.js';
import { createSecretBox, loadSecretKey } from './kernel/secrets.js';
import { createSyncServices } from './sync/services.js';
import type { SyncServices } from './sync/services.js';
import { createEmbeddedWms } from './wms/embedded/embedded-wms.js';
import { createAuditLog } from './audit/audit-log.js';
import { auditedWms } from './audit/audited-wms.js';
import type { EmbeddedWms } from './wms/port.js';

/**
 * The composition root: the only place that reads the environment, parses configuration and
 * wires resources together. Everything below receives what it needs.
 */

const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

export async function main(argv: string[], io: CliIo = processIo, env: Record<string, string | undefined> = process.env): Promise<number> {
  const version = readVersion();
  let exitCode = 0;
  const run: ContextRunner = async (options, work) => {
    const context = openContext(options, io, env, argv.some((a) => a === 'serve' || a === 'worker'), (code) => (exitCode = code));
    try {
      return await work(context.ctx);
    } finally {
      await context.close();
    }
  };
  const program = buildProgram(io, { run, serve, version, untilStopped });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    return reportError(e, io, { json: argv.includes('--json'), debug: argv.includes('--debug') });
  }
}

function openContext(options: GlobalOptions, io: CliIo, env: Record<string, string | undefined>, serving: boolean, setExitCode: (code: number) => void) {
  const config = loadConfig(env, { data: { dir: options.dataDir } });
  // Commands keep stdout for their result; only the server logs there.
  const logger = createLogger({
    level: serving ? config.log.level : env.WMSYNC_LOG_LEVEL ? config.log.level : 'warn',
    pretty: config.log.pretty,
    ...(serving ? {} : { destination: process.stderr }),
  });
  let store: Promise<Store> | undefined;
  let wms: EmbeddedWms | undefined;
  let embeddedWms: EmbeddedWms | undefined;
  // The engine writes through the WMS unaudited; commands and the API through the audited port.
  const embedded = async () => (embeddedWms ??= createEmbeddedWms(await openDb()));
  let sync: SyncServices | undefined;
  const hub = { url: config.http.publicUrl ?? `http://${config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host}:${config.http.port}` };
  const openDb = () => (store ??= openStore({ url: config.db.url, dataDir: config.data.dir, schema: config.db.schema, poolSize: config.db.poolSize }));
  const ctx: CliContext = {
    io,
    json: options.json === true,
    config,
    logger,
    setExitCode,
    hub,
    wms: async () => (wms ??= auditedWms(await embedded(), createAuditLog((await openDb()).db, systemClock))),
    users: async () => createUsers((await openDb()).db, systemClock),
    sync: async () =>
      (sync ??= createSyncServices({
        store: await openDb(),
        wms: await embedded(),
        registry: builtinRegistry(),
        secrets: createSecretBox(loadSecretKey(config.secrets.key, config.data.dir)),
        clock: systemClock,
        logger,
        hubUrl: () => hub.url,
        allowPrivateTargets: config.outbound.allowPrivateTargets,
        leaseMs: config.worker.leaseMs,
      })),
  };
  return { ctx, close: async () => store && (await store).close() };
}

const untilStopped = () =>
  new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });

/** `wmsync serve`: the HTTP surface, the sandboxes and the scheduler, until SIGINT/SIGTERM. */
const serve: Serve = async (ctx, options) => {
  const wms = await ctx.wms();
  const sync = await ctx.sync();
  const users = await ctx.users();
  const { maxBodyBytes, metricsToken, publicUrl, trustedProxies } = ctx.config.http;
  const app = createHttpApp({ wms, sync, users, logger: ctx.logger, metrics: createMetrics(), version: readVersion(), maxBodyBytes, trustedProxies, ...(metricsToken ? { metricsToken } : {}), ...(publicUrl ? { publicUrl } : {}) });
  const server = await startHttpServer(app, { host: options.host ?? ctx.config.http.host, port: options.port ?? ctx.config.http.port });
  ctx.hub.url = ctx.config.http.publicUrl ?? server.url;
  const scheduler = options.worker === false ? undefined : sync.createScheduler({ tickMs: ctx.config.worker.tickMs, concurrency: ctx.config.worker.concurrency });
  scheduler?.start();
  ctx.logger.info(
    { url: server.url, dataDir: path.resolve(ctx.config.data.dir), database: ctx.config.db.url ? 'postgres' : 'sqlite', scheduler: scheduler ? 'on' : 'off' },
    `wmsync listening on ${server.url}`,
  );
  if ((await users.count()) === 0) {
    ctx.logger.warn(`no users yet: only this machine may use the hub until you create the first administrator: WMSYNC_PASSWORD='a long passphrase' npx wmsync users add you@example.com --role admin`);
  }
  await untilStopped();
  ctx.logger.info('shutting down');
  await scheduler?.stop();
  await server.close();
};

function readVersion(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}
