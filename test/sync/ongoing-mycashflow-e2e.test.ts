import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mycashflow } from '../../connectors/mycashflow/connector.js';
import { startMycashflowSandbox } from '../../connectors/mycashflow/sandbox/server.js';
import type { RunningSandbox } from '../../connectors/mycashflow/sandbox/server.js';
import { createRegistry } from '../../src/connectors/registry.js';
import type { Connector } from '../../src/connectors/sdk/connector.js';
import { ongoingSandboxCredentials, startOngoingSandbox } from '../../src/wms/ongoing/sandbox/server.js';
import { testHub } from '../support/hub.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

/**
 * A MyCashflow shop whose goods owner's warehouse runs Ongoing WMS: the engine against both
 * sandboxes over real HTTP. Articles and orders land in Ongoing; an order Ongoing ships is
 * quick-processed once and acknowledged in Ongoing; Ongoing's stock goes to the shop.
 */
describe('MyCashflow integration of a goods owner on Ongoing WMS', () => {
  let store: TestStore;
  let shop: RunningSandbox;
  let ongoing: Awaited<ReturnType<typeof startOngoingSandbox>>;
  let hub: ReturnType<typeof testHub>;
  let integrationId: number;

  const setUp = async (connector: Connector<any> = mycashflow) => {
    hub = testHub(store, { registry: createRegistry([connector]) });
    await hub.sync.tenants.add({
      code: 'ACME',
      name: 'Acme Oy',
      wms: 'ongoing',
      settings: { baseUrl: ongoing.url, goodsOwnerId: String(ongoing.sandbox.goodsOwnerId), pollIntervalSeconds: '0' },
      secrets: ongoingSandboxCredentials,
    });
    const integration = await hub.sync.integrations.add({
      goodsOwner: 'ACME',
      system: 'mycashflow',
      settings: { baseUrl: shop.url, storeName: 'acme' },
      secrets: { username: 'api@sandbox.example', apiKey: 'sandbox-key' },
    });
    integrationId = integration.id;
    for (const flow of ['article-import', 'order-import']) expect((await run(flow)).status).toBe('succeeded');
  };
  const run = (flow: string) => hub.sync.engine.runFlow(integrationId, flow, { trigger: 'manual' });
  const quickProcessCalls = () => shop.sandbox.recorder.filter('POST', /\/orders\/\d+\/quick-process$/);
  /** An order in Ongoing that the shop can quick-process: exactly one payment, not an open cash-on-delivery one. */
  const processableOrder = () => {
    const number = [...ongoing.sandbox.store.orders.keys()].find((n) => {
      const payments = shop.sandbox.store.order(Number(n))?.payments ?? [];
      return payments.length === 1 && payments[0]!.payment_method_id !== 3;
    });
    if (!number) throw new Error('the sandbox data has no processable order');
    return number;
  };
  /** The warehouse picks all of it and sends it with a waybill, in Ongoing. */
  const shipInOngoing = (number: string, waybill: string) => ongoing.sandbox.store.ship(number, { waybill });
  const reportedInOngoing = (number: string) => ongoing.sandbox.store.order(number).lines.every((l) => l.reported === l.picked && l.picked > 0);

  beforeEach(async () => {
    store = await openTestStore();
    shop = await startMycashflowSandbox({ port: 0, seed: 7, products: 25, orders: 30, rateLimit: { perSecond: 0, burst: 0 } });
    ongoing = await startOngoingSandbox();
  });
  afterEach(async () => {
    await ongoing?.close();
    await shop?.close();
    await store?.drop();
  });

  it('lands the articles and open orders in Ongoing, each order with its lines under stable row numbers, writes never overlapping', async () => {
    await setUp();
    const products = shop.sandbox.store.products.values();
    expect(ongoing.sandbox.store.articles.size).toBe(products.reduce((n, p) => n + Math.max(1, p.variations?.length ?? 0), 0));
    const open = shop.sandbox.store.orders.values().filter((o) => String(o.status).toLowerCase() === 'open');
    expect([...ongoing.sandbox.store.orders.keys()].sort()).toEqual(open.map((o) => String(o.id)).sort());
    for (const order of ongoing.sandbox.store.orders.values()) expect(new Set(order.lines.map((l) => l.rowNumber)).size).toBe(order.lines.length);
    expect(ongoing.sandbox.overlappingWrites()).toBe(0);
    // The second run finds every record unchanged by its hash: nothing is written to Ongoing again.
    const puts = () => ongoing.sandbox.recorder.requests.filter((r) => r.method === 'PUT').length;
    const before = puts();
    for (const flow of ['article-import', 'order-import']) expect((await run(flow)).counts).toMatchObject({ created: 0, updated: 0, failed: 0 });
    expect(puts()).toBe(before);
  });

  it('an order shipped in Ongoing is quick-processed once with its tracking code and acknowledged in Ongoing', async () => {
    await setUp();
    const number = processableOrder();
    shipInOngoing(number, 'JJFI64000999');
    const report = await run('delivery-report');
    expect(report.counts.sent).toBe(1);
    expect(quickProcessCalls()).toHaveLength(1);
    expect(quickProcessCalls()[0]).toMatchObject({ path: `/api/v1/orders/${number}/quick-process`, body: expect.objectContaining({ tracking_code: 'JJFI64000999' }) });
    expect(String(shop.sandbox.store.order(Number(number))!.status).toLowerCase()).toBe('completed');
    expect(reportedInOngoing(number)).toBe(true);
    // Collected later: nothing more to report.
    ongoing.sandbox.store.setOrderStatus(ongoing.sandbox.store.order(number), 500);
    expect((await run('delivery-report')).counts.sent).toBe(0);
    expect(quickProcessCalls()).toHaveLength(1);
  });

  it('a lost acknowledgement is made at the next relay, and the shop is not called again', async () => {
    await setUp();
    const number = processableOrder();
    shipInOngoing(number, 'JJFI64000555');
    ongoing.sandbox.faults.set({ serverError: { rate: 1, match: '^PATCH ' } });
    expect((await run('delivery-report')).counts.sent).toBe(1);
    expect(reportedInOngoing(number)).toBe(false);
    ongoing.sandbox.faults.set({ serverError: { rate: 0 } });
    expect((await run('delivery-report')).counts.sent).toBe(0);
    expect(reportedInOngoing(number)).toBe(true);
    expect(quickProcessCalls()).toHaveLength(1);
  });

  it('a crash between the shop taking the report and the hub recording it sends nothing twice, and the ack follows', async () => {
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
              send: async (api: never, r: never, signal: AbortSignal) => {
                await report.send(api, r, signal);
                if (crash) throw new Error('killed');
              },
            },
      ) as never,
    };
    await setUp(dying);
    const number = processableOrder();
    shipInOngoing(number, 'JJFI64000777');
    expect((await run('delivery-report')).status).toBe('failed');
    expect(quickProcessCalls()).toHaveLength(1);
    expect(reportedInOngoing(number)).toBe(false);
    crash = false;
    expect((await run('delivery-report')).counts.sent).toBe(1);
    expect(quickProcessCalls()).toHaveLength(1);
    expect(reportedInOngoing(number)).toBe(true);
  });

  it('an order entered in Ongoing by hand, shipped, waits for a link once however often it is offered', async () => {
    await setUp();
    const [article] = [...ongoing.sandbox.store.articles.keys()];
    ongoing.sandbox.store.putOrder({ goodsOwnerId: 159, orderNumber: 'MANUAL-1', deliveryDate: '2026-12-03', consignee: { name: 'Walk-in' }, orderLines: [{ rowNumber: '1', articleNumber: article!, numberOfItems: 1 }] });
    shipInOngoing('MANUAL-1', 'JJ-MANUAL');
    for (let i = 0; i < 3; i++) expect((await run('delivery-report')).counts.sent ?? 0).toBe(0);
    const unlinked = await store.db.selectFrom('engine_state').select('value').where('key', '=', 'relay.unlinked').executeTakeFirstOrThrow();
    expect((JSON.parse(unlinked.value) as { subject: string }[]).map((e) => e.subject)).toEqual(['MANUAL-1']);
    expect(quickProcessCalls()).toHaveLength(0);
  });

  it("sends Ongoing's physical stock to the shop, only where it differs", async () => {
    await setUp();
    await hub.sync.integrations.setFlowEnabled(integrationId, 'stock-export', true);
    const [a, b] = [...ongoing.sandbox.store.articles.keys()];
    ongoing.sandbox.store.setStock(a!, 5);
    ongoing.sandbox.store.setStock(b!, 9);
    const first = await run('stock-export');
    expect(first.counts.updated).toBeGreaterThan(0);
    expect(Number(shop.sandbox.store.stockItem(a!)!.quantity)).toBe(5);
    expect(Number(shop.sandbox.store.stockItem(b!)!.quantity)).toBe(9);
    expect((await run('stock-export')).counts.updated).toBe(0);
  });
});
