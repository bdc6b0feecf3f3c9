/**
 * Fair shares with the scheduler running: a goods owner's backlog (a first import of 1,500 products,
 * read slowly) holds an import slot; another goods owner's order import comes due ("sync now"), and
 * the delay to its start is measured; then a second backlog takes the last import slot and the warehouse ships
 * an order of the second goods owner: the delay until the shop is told is measured.
 * test/sync/fair-shares.test.ts asserts the same bounds.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { startMycashflowSandbox } from '../connectors/mycashflow/sandbox/server.js';
import type { RunningSandbox } from '../connectors/mycashflow/sandbox/server.js';
import { builtinRegistry } from '../src/connectors/builtin.js';
import { loadConfig } from '../src/config/schema.js';
import { systemClock } from '../src/kernel/clock.js';
import { createSecretBox } from '../src/kernel/secrets.js';
import { openStore } from '../src/store/database.js';
import { createSyncServices } from '../src/sync/services.js';
import { createEmbeddedWms } from '../src/wms/embedded/embedded-wms.js';
import { waitFor } from './hub-processes.js';

export interface FairShareFigures {
  tickMs: number;
  concurrency: number;
  importDelayMs: number;
  reportDelayMs: number;
}

export async function fairShareScenario(tickMs = loadConfig({}).worker.tickMs, concurrency = 2): Promise<FairShareFigures> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wmsync-fair-bench-'));
  const store = await openStore({ dataDir });
  const wms = createEmbeddedWms(store);
  const sync = createSyncServices({ store, wms, registry: builtinRegistry(), secrets: createSecretBox(randomBytes(32)), clock: systemClock, logger: pino({ level: 'silent' }), hubUrl: () => 'http://127.0.0.1:9', allowPrivateTargets: ['127.0.0.1'], leaseMs: loadConfig({}).worker.leaseMs });
  const shops: RunningSandbox[] = [];
  const scheduler = sync.createScheduler({ tickMs, concurrency });
  const add = async (code: string, size: number, latencyMs: number, flows: string[]) => {
    const email = `${code.toLowerCase()}@sandbox.example`;
    const shop = await startMycashflowSandbox({ port: 0, seed: shops.length + 1, products: size, orders: size, email, latencyMs, rateLimit: { perSecond: 0, burst: 0 } });
    shops.push(shop);
    await wms.addGoodsOwner({ code, name: code });
    const { id } = await sync.integrations.add({ goodsOwner: code, system: 'mycashflow', settings: { baseUrl: shop.url, pageSize: '5', rateLimitPerSecond: '0', allowOpenCashOnDeliveryPayments: 'true' }, secrets: { username: email, apiKey: 'sandbox-key' } });
    for (const flow of ['article-import', 'order-import', 'delivery-report']) if (!flows.includes(flow)) await sync.integrations.setFlowEnabled(id, flow, false);
    return { id, shop };
  };
  const running = async () => (await sync.runs.list({ limit: 100 })).filter((r) => r.status === 'running');
  try {
    await add('ACME', 1500, 200, ['article-import', 'order-import']);
    const beta = await add('BETA', 20, 0, ['order-import', 'delivery-report']);
    const betaImports = () => sync.runs.list({ integrationId: beta.id, flow: 'order-import' });
    scheduler.start();
    await waitFor("the backlog, and BETA's first import", async () => (await running()).length > 0 && (await betaImports()).some((r) => r.status === 'succeeded'));
    // BETA's order import comes due ("sync now", a webhook) while the backlog runs.
    const dueAt = Date.now();
    await sync.jobs.enqueue({ type: 'flow-run', integrationId: beta.id, flow: 'order-import' });
    await waitFor("BETA's second order import", async () => (await betaImports()).length === 2 && (await betaImports())[0]!.status === 'succeeded');
    const importDelayMs = Date.parse((await betaImports())[0]!.startedAt) - dueAt;

    await add('GAMMA', 1500, 200, ['article-import', 'order-import']);
    await waitFor('both backlogs', async () => (await running()).filter((r) => r.integrationId !== beta.id).length === concurrency);
    const order = beta.shop.sandbox.store.orders.values().find((o) => o.status === 'open' && o.payments.length === 1)!;
    const shippedAt = Date.now();
    await wms.setOrderStatus('BETA', String(order.id), { status: 450, waybill: 'JJFI-FAIR-BENCH' });
    await waitFor('the report', () => beta.shop.sandbox.recorder.filter('POST', /quick-process$/).length === 1);
    const figures = { tickMs, concurrency, importDelayMs, reportDelayMs: Date.now() - shippedAt };
    console.log(`fair shares: ${JSON.stringify(figures)}`);
    return figures;
  } finally {
    // The backlogs finish at once when their shops stop waiting.
    for (const shop of shops) shop.sandbox.configure({ latencyMs: 0 });
    await scheduler.stop();
    await Promise.all(shops.map((s) => s.close()));
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function fairShareSection(f: FairShareFigures): string {
  return `## Fair shares

The scheduler in one process, WMSYNC_WORKER_CONCURRENCY ${f.concurrency}, tick ${f.tickMs} ms. One goods owner's
first import (1,500 products and orders, five a page, 200 ms a call) runs; another goods owner's
order import comes due; later a second backlog takes the last import slot and the warehouse ships
an order of the other goods owner.

| what | ms |
|---|---|
| another goods owner's order import, from due to started, beside one backlog | ${f.importDelayMs} |
| a shipment, until the shop is told, with every import slot held by backlogs | ${f.reportDelayMs} |

The first is at most one tick: one goods owner never holds a process's last import slot. The
second is the relay of the event at one tick and the report's run at the next: reports run in a
lane of their own, beside the imports.
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(fairShareSection(await fairShareScenario()));
}
