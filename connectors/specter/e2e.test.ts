import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/connectors/registry.js';
import { testHub } from '../../test/support/hub.js';
import { openTestStore } from '../../test/support/stores.js';
import type { TestStore } from '../../test/support/stores.js';
import { specter } from './connector.js';
import { sandboxCredentials, startSpecterSandbox } from './sandbox/server.js';
import { stockFor } from '../../test/support/stock.js';

type Running = Awaited<ReturnType<typeof startSpecterSandbox>>;

/** The Specter integration end to end: the engine against the sandbox over HTTP, into the embedded WMS, and the reports back. */
describe('Specter integration against its sandbox', () => {
  let store: TestStore;
  let sandbox: Running;
  let hub: ReturnType<typeof testHub>;
  let integrationId: number;
  const run = (flow: string) => hub.sync.engine.runFlow(integrationId, flow, { trigger: 'manual' });
  const events = async () => (await hub.wms.readEvents(0, 100_000)).length;
  const specterStore = () => sandbox.sandbox.store;

  beforeEach(async () => {
    store = await openTestStore();
    sandbox = await startSpecterSandbox({ seed: 5, articles: 30, orders: 20, purchases: 6, responseMaxLimit: 8, rateLimit: { perSecond: 0, burst: 1 } });
    hub = testHub(store, { registry: createRegistry([specter]) });
    await hub.wms.addGoodsOwner({ code: 'LERV', name: 'Lerverk AB' });
    const integration = await hub.sync.integrations.add({
      goodsOwner: 'LERV',
      system: 'specter',
      settings: { baseUrl: sandbox.url, stockSiteId: '1', sendDeliveryEmail: 'yes', createInvoice: 'yes', sendPurchaseDeliveryEmail: 'yes' },
      secrets: { sbmId: sandboxCredentials.sbmId, apiUserId: sandboxCredentials.apiUserId, apiUserKey: sandboxCredentials.apiUserKey, md5key2: sandboxCredentials.md5key2 },
    });
    integrationId = integration.id;
    for (const flow of ['article-import', 'order-import', 'purchase-order-import']) expect((await run(flow)).status, flow).toBe('succeeded');
  });
  afterEach(async () => {
    await sandbox?.close();
    await store?.drop();
  });

  it('imports every article, the undelivered orders only and the recent purchases; a second run changes nothing', async () => {
    const articles = (await hub.wms.listArticles('LERV', { limit: 1000 })).items;
    expect(articles).toHaveLength(30);
    const orders = (await hub.wms.listOrders('LERV', { limit: 1000 })).items.map((o) => o.orderInfo.goodsOwnerOrderNumber).sort();
    const open = [...specterStore().orders.values()].filter((o) => o.deliveryStatus === 'N').map((o) => o.orderNo).sort();
    const delivered = [...specterStore().orders.values()].filter((o) => o.deliveryStatus === 'D').map((o) => o.orderNo);
    expect(delivered.length).toBeGreaterThan(0);
    expect(orders).toEqual(open);
    for (const orderNo of delivered) expect(orders).not.toContain(orderNo);
    expect((await hub.wms.listPurchaseOrders('LERV', { limit: 100 })).items).toHaveLength(6);

    const before = await events();
    for (const flow of ['article-import', 'order-import', 'purchase-order-import']) expect((await run(flow)).counts, flow).toMatchObject({ created: 0, updated: 0, failed: 0 });
    expect(await events()).toBe(before);
  });

  it('updates an Open order changed in Specter, and leaves one the warehouse has released (locked)', async () => {
    const [open, released] = (await hub.wms.listOrders('LERV')).items.map((o) => o.orderInfo.goodsOwnerOrderNumber);
    await hub.wms.setOrderStatus('LERV', released!, { status: 300 });
    sandbox.sandbox.store.updateOrder(open!, { customerReference: 'NY-REF-1' });
    sandbox.sandbox.store.updateOrder(released!, { customerReference: 'NY-REF-2' });
    const result = await run('order-import');
    expect(result.counts).toMatchObject({ updated: 1, locked: 1 });
    expect((await hub.wms.getOrder('LERV', open!)).orderInfo.consigneeOrderNumber).toBe('NY-REF-1');
    expect((await hub.wms.getOrder('LERV', released!)).orderInfo.consigneeOrderNumber).not.toBe('NY-REF-2');
  });

  it('submits one delivery with the picked items per row no, the waybill and the options, once', async () => {
    const order = (await hub.wms.listOrders('LERV')).items.find((o) => o.orderLines.length >= 2)!;
    const orderNo = order.orderInfo.goodsOwnerOrderNumber;
    await stockFor(hub.wms, 'LERV', orderNo);
    await hub.wms.setOrderStatus('LERV', orderNo, { status: 450, waybill: 'JJSE6400123', picked: [{ row: 1, quantity: 1 }] });
    expect((await run('delivery-report')).counts.sent).toBe(1);
    const remote = specterStore().orders.get(orderNo)!;
    const sentAt = (await hub.wms.getOrder('LERV', orderNo)).shipments[0]!.sentAt;
    expect(remote.deliveries).toEqual([
      {
        packetNo: 'JJSE6400123',
        deliveryDate: sentAt.slice(0, 10),
        sendDeliveryMail: '1',
        createInvoice: '1',
        rows: order.orderLines.map((line, i) => ({ rowNo: line.externalOrderLineCode, noItems: i === 0 ? 1 : line.numberOfItems })),
      },
    ]);
    await hub.wms.setOrderStatus('LERV', orderNo, { status: 500 });
    expect((await run('delivery-report')).counts.sent).toBe(0);
    expect(specterStore().orders.get(orderNo)!.deliveries).toHaveLength(1);
  });

  it('submits a purchase delivery per receipt, also a partial one, with the received items per row id', async () => {
    const purchase = (await hub.wms.listPurchaseOrders('LERV')).items[0]!;
    const purchaseNo = purchase.inOrderInfo.goodsOwnerOrderNumber;
    const first = purchase.inOrderLines[0]!;
    await hub.wms.receivePurchaseOrder('LERV', purchaseNo, [{ row: 1, quantity: first.numberOfItems - 2 }]);
    expect((await run('receipt-report')).counts.sent).toBe(1);
    await hub.wms.receivePurchaseOrder('LERV', purchaseNo);
    expect((await run('receipt-report')).counts.sent).toBe(1);
    expect((await run('receipt-report')).counts.sent).toBe(0);

    const remote = specterStore().purchases.get(purchaseNo)!;
    expect(remote.deliveries.map((d) => d.rows)).toEqual([
      [{ rowId: first.externalOrderLineId, noItems: first.numberOfItems - 2 }],
      [{ rowId: first.externalOrderLineId, noItems: 2 }, ...purchase.inOrderLines.slice(1).map((l) => ({ rowId: l.externalOrderLineId, noItems: l.numberOfItems }))],
    ]);
    expect(remote.deliveries.every((d) => d.sendDeliveryMail === '1' && /^\d{4}-\d{2}-\d{2}$/.test(d.deliveryDate))).toBe(true);
    expect(remote.rows.map((r) => r.noItemsDelivered)).toEqual(purchase.inOrderLines.map((l) => l.numberOfItems));
  });

  it('writes the physical stock to the configured stock site where it differs, and nothing on a second run', async () => {
    await hub.sync.integrations.setFlowEnabled(integrationId, 'stock-export', true);
    const [a, b] = (await hub.wms.listArticles('LERV')).items.map((x) => x.articleNumber);
    await hub.wms.setStock('LERV', a!, 17);
    await hub.wms.setStock('LERV', b!, specterStore().stock.get('1')!.get(b!)!);
    const otherSite = new Map(specterStore().stock.get('2'));
    const writes = () => sandbox.sandbox.recorder.requests.filter((r) => r.path === '/putInfo.asp').length;

    const wms = new Map((await hub.wms.listStock('LERV')).map((s) => [s.articleNumber, s.physical]));
    const differing = [...wms].filter(([no, physical]) => specterStore().stock.get('1')!.get(no) !== physical).length;
    expect(differing).toBeLessThan(wms.size);

    const result = await run('stock-export');
    expect(result.counts).toMatchObject({ updated: differing, unchanged: wms.size - differing });
    expect(writes()).toBe(differing);
    expect(specterStore().stock.get('1')!.get(a!)).toBe(17);
    expect(Object.fromEntries(specterStore().stock.get('1')!)).toEqual(Object.fromEntries(wms));
    expect(specterStore().stock.get('2')).toEqual(otherSite);
    const written = writes();
    expect((await run('stock-export')).counts.updated).toBe(0);
    expect(writes()).toBe(written);
  });
});
