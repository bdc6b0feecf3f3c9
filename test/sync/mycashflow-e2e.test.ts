import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mycashflow } from '../../connectors/mycashflow/connector.js';
import { startMycashflowSandbox } from '../../connectors/mycashflow/sandbox/server.js';
import type { RunningSandbox } from '../../connectors/mycashflow/sandbox/server.js';
import { createRegistry } from '../../src/connectors/registry.js';
import type { Connector } from '../../src/connectors/sdk/connector.js';
import { testHub } from '../support/hub.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';
import { stockFor } from '../support/stock.js';

/**
 * The MyCashflow integration end to end: the engine against the sandbox over real HTTP, into the
 * embedded WMS, and back.
 */
describe('MyCashflow integration against its sandbox', () => {
  let store: TestStore;
  let sandbox: RunningSandbox;
  let hub: ReturnType<typeof testHub>;
  let integrationId: number;

  const setUp = async (connector: Connector<any> = mycashflow) => {
    hub = testHub(store, { registry: createRegistry([connector]) });
    await hub.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    const integration = await hub.sync.integrations.add({
      goodsOwner: 'ACME',
      system: 'mycashflow',
      settings: { baseUrl: sandbox.url, storeName: 'acme' },
      secrets: { username: 'api@sandbox.example', apiKey: 'sandbox-key' },
    });
    integrationId = integration.id;
  };
  const run = (flow: string) => hub.sync.engine.runFlow(integrationId, flow, { trigger: 'manual' });
  /** An imported order the shop can quick-process: exactly one payment, not an open cash-on-delivery one. */
  const processableOrder = async () => {
    const orders = (await hub.wms.listOrders('ACME', { limit: 1000 })).items;
    const number = orders
      .map((o) => o.orderInfo.goodsOwnerOrderNumber)
      .find((n) => {
        const payments = sandbox.sandbox.store.order(Number(n))?.payments ?? [];
        return payments.length === 1 && payments[0]!.payment_method_id !== 3;
      });
    if (!number) throw new Error('the sandbox data has no processable order');
    return number;
  };
  const quickProcessCalls = () => sandbox.sandbox.recorder.filter('POST', /\/orders\/\d+\/quick-process$/);

  beforeEach(async () => {
    store = await openTestStore();
    sandbox = await startMycashflowSandbox({ port: 0, seed: 7, products: 25, orders: 30, rateLimit: { perSecond: 0, burst: 0 } });
  });
  afterEach(async () => {
    await sandbox?.close();
    await store?.drop();
  });

  it('imports articles (one per variation) and open orders; a second run changes nothing', async () => {
    await setUp();
    const articles = await run('article-import');
    expect(articles.status).toBe('succeeded');
    const products = sandbox.sandbox.store.products.values();
    const expected = products.reduce((n, p) => n + Math.max(1, p.variations?.length ?? 0), 0);
    expect(articles.counts.created).toBe(expected);

    const orders = await run('order-import');
    expect(orders.status).toBe('succeeded');
    const open = sandbox.sandbox.store.orders.values().filter((o) => String(o.status).toLowerCase() === 'open');
    expect(orders.counts.created).toBe(open.length);
    const wmsOrders = await hub.wms.listOrders('ACME', { limit: 1000 });
    expect(wmsOrders.items.map((o) => o.orderInfo.goodsOwnerOrderNumber).sort()).toEqual(open.map((o) => String(o.id)).sort());

    const eventsBefore = (await hub.wms.readEvents(0, 100_000)).length;
    const again = [await run('article-import'), await run('order-import')];
    for (const r of again) {
      expect(r.counts).toMatchObject({ created: 0, updated: 0, failed: 0 });
      expect(r.counts.unchanged).toBeGreaterThan(0);
    }
    expect((await hub.wms.readEvents(0, 100_000)).length).toBe(eventsBefore);
  });

  it('a shop cancellation cancels an Open order and is refused with the reason for a Released one', async () => {
    await setUp();
    await run('article-import');
    await run('order-import');
    const [first, second] = (await hub.wms.listOrders('ACME')).items.map((o) => o.orderInfo.goodsOwnerOrderNumber);
    await hub.wms.setOrderStatus('ACME', second!, { status: 300 });
    sandbox.sandbox.updateOrder(Number(first), { status: 'cancelled' });
    sandbox.sandbox.updateOrder(Number(second), { status: 'cancelled' });

    const result = await run('order-import');
    expect(result.counts.cancelled).toBe(1);
    expect(result.counts.locked).toBe(1);
    expect(result.errors).toContainEqual(expect.objectContaining({ record: `order ${second}`, outcome: 'locked', reason: 'cancellation not applied: locked: status 300 Released' }));
    expect((await hub.wms.getOrder('ACME', first!)).status).toBe(1000);
    expect((await hub.wms.getOrder('ACME', second!)).status).toBe(300);
  });

  it('shipping an order quick-processes it once with the tracking code', async () => {
    await setUp();
    await run('article-import');
    await run('order-import');
    const number = await processableOrder();
    await stockFor(hub.wms, 'ACME', number);
    await hub.wms.setOrderStatus('ACME', number, { status: 450, waybill: 'JJFI64000999' });

    const report = await run('delivery-report');
    expect(report.counts.sent).toBe(1);
    expect(quickProcessCalls()).toHaveLength(1);
    expect(quickProcessCalls()[0]).toMatchObject({ path: `/api/v1/orders/${number}/quick-process`, body: expect.objectContaining({ tracking_code: 'JJFI64000999' }) });
    expect(String(sandbox.sandbox.store.order(Number(number))!.status).toLowerCase()).toBe('completed');

    await hub.wms.setOrderStatus('ACME', number, { status: 500 });
    expect((await run('delivery-report')).counts.sent).toBe(0);
    expect(quickProcessCalls()).toHaveLength(1);
  });

  it('does not quick-process twice when the process dies between sending and recording', async () => {
    const report = mycashflow.flows.find((f) => f.id === 'delivery-report')!;
    if (report.kind !== 'report') throw new Error('delivery-report is a report flow');
    let crash = true;
    const dying: Connector<any> = {
      ...mycashflow,
      flows: mycashflow.flows.map((f) =>
        f.id !== 'delivery-report'
          ? f
          : {
              ...report,
              // The call reaches the shop; then the process "dies" before it can record that.
              send: async (api: never, r: never, signal: AbortSignal) => {
                await report.send(api, r, signal);
                if (crash) throw new Error('killed');
              },
            },
      ) as never,
    };
    await setUp(dying);
    await run('article-import');
    await run('order-import');
    const processable = await processableOrder();
    await stockFor(hub.wms, 'ACME', processable);
    await hub.wms.setOrderStatus('ACME', processable, { status: 450, waybill: 'JJFI64000777' });

    const first = await run('delivery-report');
    expect(first.status).toBe('failed');
    expect(quickProcessCalls()).toHaveLength(1);
    crash = false;
    const second = await run('delivery-report');
    expect(second.counts.sent).toBe(1);
    expect(quickProcessCalls()).toHaveLength(1);
  });

  it('with faults on, every good record arrives once and the malformed one is listed with its reason', async () => {
    await setUp();
    await run('article-import');
    const open = sandbox.sandbox.store.orders.values().filter((o) => String(o.status).toLowerCase() === 'open');
    const malformedId = open[0]!.id;
    sandbox.sandbox.faults.set({ serverError: { rate: 0.1, match: '^GET ' }, tooManyRequests: { next: 2, retryAfterSeconds: 0 }, malformed: { orders: [malformedId] } });
    const result = await run('order-import');
    expect(result.counts.failed).toBe(1);
    expect(result.errors).toEqual([expect.objectContaining({ record: `order ${malformedId}`, outcome: 'failed', reason: expect.any(String), field: expect.stringMatching(/products|quantity|product_code/) })]);
    const wms = await hub.wms.listOrders('ACME', { limit: 1000 });
    expect(wms.items.length).toBe(open.length - 1);
    expect(new Set(wms.items.map((o) => o.orderInfo.goodsOwnerOrderNumber)).size).toBe(wms.items.length);
    expect(sandbox.sandbox.faults.counters).toMatchObject({ tooManyRequests: 2 });
  });

  it('stock export writes only the differences', async () => {
    await setUp();
    await hub.sync.integrations.setFlowEnabled(integrationId, 'stock-export', true);
    await run('article-import');
    const [a, b] = (await hub.wms.listArticles('ACME')).items;
    await hub.wms.setStock('ACME', a!.articleNumber, 5);
    await hub.wms.setStock('ACME', b!.articleNumber, 9);
    const first = await run('stock-export');
    const patches = () => sandbox.sandbox.recorder.filter('PATCH', /\/stock\//);
    expect(first.counts.updated).toBeGreaterThan(0);
    expect(patches().length).toBe(first.counts.updated);
    expect(Number(sandbox.sandbox.store.stockItem(a!.articleNumber)!.quantity)).toBe(5);
    const second = await run('stock-export');
    expect(second.counts.updated).toBe(0);
    expect(patches().length).toBe(first.counts.updated);
  });
});
