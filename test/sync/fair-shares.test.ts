import { afterEach, describe, expect, it } from 'vitest';
import { startMycashflowSandbox } from '../../connectors/mycashflow/sandbox/server.js';
import type { RunningSandbox } from '../../connectors/mycashflow/sandbox/server.js';
import { pickFairly } from '../../src/sync/fair-shares.js';
import type { Lane } from '../../src/sync/fair-shares.js';
import type { Scheduler } from '../../src/sync/scheduler.js';
import { testHub } from '../support/hub.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';
import { stockFor } from '../support/stock.js';

const work = (goodsOwner: string, lane: Lane = 'pulls', id = '') => ({ goodsOwner, lane, id: `${goodsOwner}${id}` });

describe('pickFairly', () => {
  it('leaves a slot for another goods owner however much one has due', () => {
    const due = [work('A', 'pulls', '1'), work('A', 'pulls', '2'), work('A', 'pulls', '3')];
    expect(pickFairly(due, [], 3, 2).map((w) => w.id)).toEqual(['A1', 'A2']);
    expect(pickFairly([...due, work('B')], [], 3, 2).map((w) => w.id)).toEqual(['A1', 'B', 'A2']);
    // A hub of one goods owner keeps no slot for another.
    expect(pickFairly(due, [], 3, 1).map((w) => w.id)).toEqual(['A1', 'A2', 'A3']);
  });

  it('starts the goods owners running least first, and reports beside full import slots', () => {
    const running = [work('A'), work('A')];
    expect(pickFairly([work('A', 'pulls', '3'), work('B'), work('C')], running, 3, 3).map((w) => w.id)).toEqual(['B']);
    const full = [work('A'), work('B')];
    expect(pickFairly([work('C'), work('C', 'reports', 'R'), work('A', 'reports', 'R')], full, 2, 3).map((w) => w.id)).toEqual(['CR', 'AR']);
  });

  it('with one slot, takes turns in due order', () => {
    expect(pickFairly([work('A'), work('B')], [], 1, 2).map((w) => w.id)).toEqual(['A']);
  });
});

/**
 * One goods owner's backlog (a first import of hundreds of records, read slowly) runs while another
 * goods owner's order import comes due: it starts at the next tick. With every import slot taken by
 * two backlogs, a report still goes out at the next tick.
 */
describe('fair shares in the scheduler', () => {
  let store: TestStore;
  const sandboxes: RunningSandbox[] = [];
  let scheduler: Scheduler | undefined;
  const tickMs = 200;

  afterEach(async () => {
    // The backlogs finish quickly once their shops answer at once.
    for (const s of sandboxes) s.sandbox.configure({ latencyMs: 0 });
    await scheduler?.stop();
    await Promise.all(sandboxes.splice(0).map((s) => s.close()));
    await store?.drop();
  });

  it("delays another goods owner's order import and a report by at most about one tick", async () => {
    store = await openTestStore();
    const hub = testHub(store);
    const { integrations, runs } = hub.sync;
    const shop = async (email: string, size: number, latencyMs: number) => {
      const s = await startMycashflowSandbox({ port: 0, seed: sandboxes.length + 21, products: size, orders: size, email, latencyMs, rateLimit: { perSecond: 0, burst: 0 } });
      sandboxes.push(s);
      return s;
    };
    const add = async (code: string, s: RunningSandbox, email: string, flows: string[]) => {
      await hub.wms.addGoodsOwner({ code, name: code });
      const added = await integrations.add({ goodsOwner: code, system: 'mycashflow', settings: { baseUrl: s.url, pageSize: '5', rateLimitPerSecond: '100', rateLimitBurst: '100', allowOpenCashOnDeliveryPayments: 'true' }, secrets: { username: email, apiKey: 'sandbox-key' } });
      for (const f of added.flows) if (!flows.includes(f.flow)) await integrations.setFlowEnabled(added.id, f.flow, false);
      return added.id;
    };
    const firstRun = async (integrationId: number, flow: string) => (await runs.list({ integrationId, flow, limit: 100 })).at(-1);
    const waitFor = async (what: string, check: () => Promise<unknown>, timeoutMs = 20_000) => {
      for (const until = Date.now() + timeoutMs; !(await check()); await new Promise((r) => setTimeout(r, 20))) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      }
    };

    // ACME's backlog: 600 products and 600 orders, five a page, 300 ms a page; BETA's small shop.
    const acme = await add('ACME', await shop('acme@sandbox.example', 600, 300), 'acme@sandbox.example', ['article-import', 'order-import']);
    const betaShop = await shop('beta@sandbox.example', 12, 0);
    const beta = await add('BETA', betaShop, 'beta@sandbox.example', ['order-import', 'delivery-report']);
    scheduler = hub.sync.createScheduler({ tickMs, concurrency: 2 });
    scheduler.start();
    const betaImports = async () => (await runs.list({ integrationId: beta, flow: 'order-import', limit: 100 })).length;
    await waitFor("the backlog to run and BETA's first import to end", async () => (await runs.list({ integrationId: acme, limit: 10 })).some((r) => r.status === 'running') && (await firstRun(beta, 'order-import'))?.status === 'succeeded');
    await new Promise((r) => setTimeout(r, 3 * tickMs));

    // BETA's order import comes due ("sync now", a webhook): it starts at the next tick.
    const dueAt = Date.now();
    await hub.sync.jobs.enqueue({ type: 'flow-run', integrationId: beta, flow: 'order-import' });
    await waitFor("BETA's second order import to start", async () => (await betaImports()) === 2);
    const importDelayMs = Date.parse((await runs.list({ integrationId: beta, flow: 'order-import', limit: 1 }))[0]!.startedAt) - dueAt;

    // A second backlog takes the last import slot; then the warehouse ships a BETA order.
    await waitFor("BETA's order import to end", async () => (await runs.list({ integrationId: beta, flow: 'order-import', limit: 1 }))[0]?.status === 'succeeded');
    const gamma = await add('GAMMA', await shop('gamma@sandbox.example', 600, 300), 'gamma@sandbox.example', ['article-import', 'order-import']);
    await waitFor('both backlogs to run', async () => (await runs.list({ limit: 100 })).filter((r) => r.status === 'running' && r.integrationId !== beta).length === 2);
    const order = betaShop.sandbox.store.orders.values().find((o) => o.status === 'open' && o.payments.length === 1)!;
    const shippedAt = Date.now();
    await stockFor(hub.wms, 'BETA', String(order.id));
    await hub.wms.setOrderStatus('BETA', String(order.id), { status: 450, waybill: 'JJFI-FAIR-1' });
    await waitFor('the report', async () => betaShop.sandbox.recorder.filter('POST', /quick-process$/).length === 1);
    const reportDelayMs = Date.now() - shippedAt;
    const running = (await runs.list({ limit: 100 })).filter((r) => r.status === 'running').map((r) => r.integrationId);

    console.log(`fair shares figures ${JSON.stringify({ tickMs, importDelayMs, reportDelayMs, importsRunningBesideTheReport: running.filter((id) => id !== beta).length })}`);
    // One tick, and the time the tick takes to read its work and start the run.
    expect(importDelayMs).toBeLessThan(tickMs + 400);
    // The relay of the event at one tick, the report's run at the next.
    expect(reportDelayMs).toBeLessThan(2 * tickMs + 600);
    expect(running).toEqual(expect.arrayContaining([acme, gamma]));
  }, 60_000);
});
