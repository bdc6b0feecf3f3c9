import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { mycashflow } from '../connectors/mycashflow/connector.js';
import { loadConfig } from '../src/config/schema.js';
import { createRegistry } from '../src/connectors/registry.js';
import { systemClock } from '../src/kernel/clock.js';
import { createSecretBox } from '../src/kernel/secrets.js';
import { openStore } from '../src/store/database.js';
import { createSyncServices } from '../src/sync/services.js';
import { createEmbeddedWms } from '../src/wms/embedded/embedded-wms.js';

export const PAGE_SIZE = 250;

/**
 * The V8 flags that the `wmsync` command starts a hub with (its `#!` line): the processes the
 * benches start for either engine get the same ones, so that they measure the hub as it runs.
 */
export const hubNodeFlags: string[] = readFileSync(path.resolve(import.meta.dirname, '../bin/wmsync.js'), 'utf8')
  .split('\n')[0]!
  .split(/\s+/)
  .filter((word) => word.startsWith('--'));

/**
 * A hub with one MyCashflow integration on the sandbox, on an SQLite file in a temporary folder,
 * or on PostgreSQL when `url` is given (a schema of its own, dropped with the database's data).
 */
export async function hub(sandboxUrl: string, settings: Record<string, string> = {}, url?: string) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wmsync-bench-'));
  const schema = url ? `bench_${process.pid}_${Date.now()}` : undefined;
  const store = await openStore({ dataDir, url, schema });
  const wms = createEmbeddedWms(store);
  const sync = createSyncServices({
    store,
    wms,
    registry: createRegistry([mycashflow]),
    secrets: createSecretBox(randomBytes(32)),
    clock: systemClock,
    logger: pino({ level: 'silent' }),
    hubUrl: () => 'http://127.0.0.1:9',
    allowPrivateTargets: ['127.0.0.1'],
    leaseMs: loadConfig({}).worker.leaseMs,
  });
  await wms.addGoodsOwner({ code: 'BENCH', name: 'Bench Oy' });
  // The bench measures sync, not stock: its sandbox orders ship without stock put in first.
  await wms.setGoodsOwnerRules('BENCH', { allowNegativeStock: true });
  const integration = await sync.integrations.add({
    goodsOwner: 'BENCH',
    system: 'mycashflow',
    // The client's own limit is off, like the sandbox's, so that the hub's throughput is measured;
    // the connector's default (2 calls/s, a guess of the notes) is discussed in the report.
    settings: { baseUrl: sandboxUrl, pageSize: String(PAGE_SIZE), rateLimitPerSecond: '0', ...settings },
    secrets: { username: 'api@sandbox.example', apiKey: 'sandbox-key' },
  });
  const close = async () => {
    if (schema) await store.db.schema.dropSchema(schema).ifExists().cascade().execute();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { store, wms, sync, integration, dataDir, close };
}

/** Samples the resident set size while `work` runs. */
export async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const result = await work();
    return { result, peakMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 1048576) };
  } finally {
    clearInterval(timer);
  }
}
