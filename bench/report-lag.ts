/**
 * Report lag in a cluster: orders shipped in the WMS one after another, until MyCashflow is told
 * (its quick-process call), with `wmsync worker` processes running the scheduler: three on
 * PostgreSQL, one on an SQLite file. Each shipment's lag is the sandbox's arrival time of that
 * order's quick-process minus the moment the shipment was written.
 */
import { startMycashflowSandbox } from '../connectors/mycashflow/sandbox/server.js';
import { loadConfig } from '../src/config/schema.js';
import { userInfo } from 'node:os';
import pg from 'pg';
import { benchHub, pause, waitFor } from './hub-processes.js';

export interface ReportLagRow {
  database: 'PostgreSQL' | 'SQLite';
  workers: number;
  shipments: number;
  p50: number;
  p95: number;
  max: number;
  /** quick-process calls beyond one per shipped order: must be 0. */
  doubled: number;
}

const SHIPMENTS = 30;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function measure(database: ReportLagRow['database'], workers: number): Promise<ReportLagRow> {
  // As .ci/run connects: the machine's user, on the local server's `test` database.
  const pgUrl = process.env.BENCH_DATABASE_URL ?? `postgres://${process.env.PGUSER ?? userInfo().username}@127.0.0.1:5432/${process.env.PGDATABASE ?? 'test'}`;
  const schema = `bench_lag_${process.pid}`;
  const hub = benchHub(database === 'PostgreSQL' ? { DATABASE_URL: pgUrl, WMSYNC_DB_SCHEMA: schema } : {});
  const running = await startMycashflowSandbox({ port: 0, seed: 21, products: 40, orders: 200, rateLimit: { perSecond: 0, burst: 0 } });
  try {
    await hub.cli('goods-owners', 'add', 'ACME', '--name', 'Acme Oy');
    await hub.cli('goods-owners', 'set', 'ACME', '--allow-negative-stock', 'yes');
    const added = await hub.cli('--json', 'integrations', 'add', '--goods-owner', 'ACME', '--system', 'mycashflow', '--set', `baseUrl=${running.url}`, '--set', 'rateLimitPerSecond=0', '--secret', 'username=api@sandbox.example', '--secret', 'apiKey=sandbox-key');
    const { id } = JSON.parse(added) as { id: number };
    // The report alone is measured: nothing else competes for the workers.
    for (const flow of ['article-import', 'stock-export']) await hub.cli('integrations', 'disable', String(id), flow);
    // Orders the shop lets a report close (paid, not cash on delivery).
    const processable = running.sandbox.store.orders
      .values()
      .filter((o) => o.status === 'open' && o.payments.length === 1 && o.payments[0]!.payment_method_id !== 3)
      .slice(0, SHIPMENTS)
      .map((o) => String(o.id));
    for (let i = 0; i < workers; i++) hub.spawn(['worker']);
    const inWms = async () => (JSON.parse(await hub.cli('--json', 'wms', 'orders', 'list', '--goods-owner', 'ACME', '--limit', '500')) as { items: unknown[] }).items.length;
    await waitFor('the orders in the WMS', async () => (await inWms()) >= processable.length);
    await pause(2000);
    running.sandbox.recorder.clear();

    const shippedAt = new Map<string, number>();
    for (const order of processable) {
      await hub.cli('wms', 'orders', 'set-status', order, '--goods-owner', 'ACME', '--status', 'sent', '--tracking', `JJFI${order}`);
      shippedAt.set(order, Date.now());
      await pause(200);
    }
    const reports = () => running.sandbox.recorder.filter('POST', /\/quick-process$/);
    const orderOf = (path: string) => decodeURIComponent(path.split('/').at(-2)!);
    await waitFor('every report', () => new Set(reports().map((r) => orderOf(r.path))).size >= processable.length, 120_000);
    await pause(3000);
    const firstReport = new Map<string, number>();
    for (const r of reports()) if (!firstReport.has(orderOf(r.path))) firstReport.set(orderOf(r.path), Date.parse(r.at));
    const lags = processable.map((o) => (firstReport.get(o)! - shippedAt.get(o)!) / 1000).sort((a, b) => a - b);
    const row = { database, workers, shipments: lags.length, p50: quantile(lags, 0.5), p95: quantile(lags, 0.95), max: lags.at(-1)!, doubled: reports().length - firstReport.size };
    console.log(`report lag, ${database}, ${workers} worker(s): p50 ${row.p50.toFixed(2)} s, p95 ${row.p95.toFixed(2)} s, max ${row.max.toFixed(2)} s, doubled ${row.doubled}`);
    return row;
  } finally {
    hub.close();
    await running.close();
    if (database === 'PostgreSQL') {
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  }
}

export async function reportLag(): Promise<ReportLagRow[]> {
  return [await measure('SQLite', 1), await measure('PostgreSQL', 3)];
}

export function reportLagSection(rows: ReportLagRow[]): string {
  const tickMs = loadConfig({}).worker.tickMs;
  return `## Report lag with workers

${SHIPMENTS} orders shipped in the WMS (\`wmsync wms orders set-status … --status sent\`), one every
200 ms, with \`wmsync worker\` processes running the scheduler (tick ${tickMs} ms, the default);
seconds from each shipment until the MyCashflow sandbox receives that order's quick-process.
A report flow runs on the first tick after a warehouse event; with several workers, whichever
holds the flow's lease sends it.

| database | workers | shipments | p50 s | p95 s | max s | doubled reports |
|---|---|---|---|---|---|---|
${rows.map((r) => `| ${r.database} | ${r.workers} | ${r.shipments} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.max.toFixed(2)} | ${r.doubled} |`).join('\n')}
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await reportLag()) console.log(JSON.stringify(row));
}
