import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmbeddedWms } from '../../src/wms/embedded/embedded-wms.js';
import type { EmbeddedWms } from '../../src/wms/port.js';
import { startOngoingSandbox, ongoingSandboxCredentials } from '../../src/wms/ongoing/sandbox/server.js';
import { sampleArticle, sampleOrder, samplePurchaseOrder } from '../support/fixtures.js';
import { testHub } from '../support/hub.js';
import { refusal, wmsPortContract } from './wms-port.js';
import type { WarehouseDriver } from './wms-port.js';
import { dialectsUnderTest, openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

describe.each(dialectsUnderTest())('WMS port contract on %s', (dialect) => {
  let store: TestStore;
  let wms: EmbeddedWms;

  beforeEach(async () => {
    store = await openTestStore(dialect);
    wms = createEmbeddedWms(store);
    await wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    for (const n of ['ART-1001', 'ART-1002']) await wms.upsertArticle('ACME', sampleArticle(n));
  });
  afterEach(() => store?.drop());

  it('creates an article, reports unchanged on the same input and updated on a change', async () => {
    expect(await wms.upsertArticle('ACME', sampleArticle('ART-2000'))).toEqual({ outcome: 'created' });
    expect(await wms.upsertArticle('ACME', sampleArticle('ART-2000'))).toEqual({ outcome: 'unchanged' });
    expect(await wms.upsertArticle('ACME', { ...sampleArticle('ART-2000'), price: 14.5 })).toEqual({ outcome: 'updated' });
    expect((await wms.getArticle('ACME', 'ART-2000')).price).toBe(14.5);
  });

  it('refuses a bad article naming record, field, value and reason, and stores nothing', async () => {
    const e = await refusal(wms.upsertArticle('ACME', { articleNumber: 'ART-BAD', price: 'cheap', vatPercent: 140 }));
    expect(e.kind).toBe('record');
    expect(e.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ record: 'article ART-BAD', field: 'price', value: 'cheap' }),
        expect.objectContaining({ record: 'article ART-BAD', field: 'vatPercent', value: 140 }),
      ]),
    );
    expect((await refusal(wms.getArticle('ACME', 'ART-BAD'))).kind).toBe('not-found');
  });

  it('pages through articles in key order', async () => {
    for (let i = 0; i < 5; i++) await wms.upsertArticle('ACME', sampleArticle(`B-${i}`));
    const first = await wms.listArticles('ACME', { limit: 4 });
    expect(first.items.map((a) => a.articleNumber)).toEqual(['ART-1001', 'ART-1002', 'B-0', 'B-1']);
    const second = await wms.listArticles('ACME', { limit: 4, after: first.next! });
    expect(second.items.map((a) => a.articleNumber)).toEqual(['B-2', 'B-3', 'B-4']);
    expect(second.next).toBeUndefined();
  });

  it('keeps goods owners apart', async () => {
    await wms.addGoodsOwner({ code: 'OTHER', name: 'Other AB' });
    expect((await wms.listArticles('OTHER')).items).toEqual([]);
    expect((await refusal(wms.addGoodsOwner({ code: 'ACME', name: 'again' }))).kind).toBe('conflict');
  });

  it('creates an open order, applies updates while open, and locks them once released', async () => {
    expect(await wms.upsertOrder('ACME', sampleOrder())).toEqual({ outcome: 'created' });
    expect((await wms.getOrder('ACME', 'SO-5001')).status).toBe(200);
    expect(await wms.upsertOrder('ACME', sampleOrder())).toEqual({ outcome: 'unchanged' });
    const changed = sampleOrder();
    changed.orderInfo.orderRemark = 'Call before delivery';
    expect(await wms.upsertOrder('ACME', changed)).toEqual({ outcome: 'updated' });

    await wms.setOrderStatus('ACME', 'SO-5001', { status: 300 });
    const late = sampleOrder();
    late.orderLines[0]!.numberOfItems = 99;
    expect(await wms.upsertOrder('ACME', late)).toEqual({ outcome: 'locked', reason: 'locked: status 300 Released' });
    const kept = await wms.getOrder('ACME', 'SO-5001');
    expect(kept.orderLines[0]!.numberOfItems).toBe(3);
    expect(kept.orderInfo.orderRemark).toBe('Call before delivery');
  });

  it('refuses a bad order with the field named and stores nothing', async () => {
    const noNumber = { ...sampleOrder(), orderInfo: { orderRemark: 'x' } };
    const e1 = await refusal(wms.upsertOrder('ACME', noNumber));
    expect(e1.details).toContainEqual(expect.objectContaining({ field: 'orderInfo.goodsOwnerOrderNumber', reason: 'is required' }));
    const negative = sampleOrder('SO-NEG');
    negative.orderLines[1]!.numberOfItems = -2;
    const e2 = await refusal(wms.upsertOrder('ACME', negative));
    expect(e2.details).toEqual([
      { record: 'order SO-NEG', field: 'orderLines[1].numberOfItems', value: -2, reason: 'must be greater than 0' },
    ]);
    expect((await wms.listOrders('ACME')).items).toEqual([]);
    expect(await wms.readEvents(0, 100, ['stock.changed'])).toHaveLength(0 + 0);
  });

  it('cancels an open order, and refuses to cancel a released one with the reason', async () => {
    await wms.upsertOrder('ACME', sampleOrder('SO-1'));
    await wms.upsertOrder('ACME', sampleOrder('SO-2'));
    expect(await wms.cancelOrder('ACME', 'SO-1')).toEqual({ outcome: 'cancelled' });
    expect((await wms.getOrder('ACME', 'SO-1')).status).toBe(1000);
    expect(await wms.cancelOrder('ACME', 'SO-1')).toEqual({ outcome: 'unchanged' });
    await wms.setOrderStatus('ACME', 'SO-2', { status: 300 });
    expect(await wms.cancelOrder('ACME', 'SO-2')).toEqual({ outcome: 'locked', reason: 'locked: status 300 Released' });
  });

  it('ships an order: shipment, picked quantities, stock out and one "order shipped" event, together', async () => {
    await wms.setStock('ACME', 'ART-1001', 10);
    await wms.setStock('ACME', 'ART-1002', 1);
    await wms.upsertOrder('ACME', sampleOrder());
    expect((await wms.listStock('ACME', ['ART-1001']))[0]).toEqual({ articleNumber: 'ART-1001', physical: 10, available: 7 });
    const before = await wms.readEvents(0, 1000);
    const lastId = before.at(-1)!.id;

    const shipped = await wms.setOrderStatus('ACME', 'SO-5001', { status: 450, waybill: 'JJFI6412345', picked: [{ row: 2, quantity: 1 }] });
    expect(shipped.status).toBe(450);
    expect(shipped.shipments).toEqual([{ waybill: 'JJFI6412345', sentAt: expect.any(String) }]);
    expect(shipped.orderLines.map((l) => l.pickedNumberOfItems)).toEqual([3, 1]);
    expect(shipped.orderLines[0]!.waybill).toBe('JJFI6412345');

    const events = await wms.readEvents(lastId, 100);
    const shippedEvents = events.filter((e) => e.type === 'order.shipped');
    expect(shippedEvents).toHaveLength(1);
    expect(shippedEvents[0]).toMatchObject({
      goodsOwner: 'ACME',
      subject: 'SO-5001',
      payload: {
        orderNumber: 'SO-5001',
        status: 450,
        shipment: { waybill: 'JJFI6412345' },
        lines: [
          { row: 1, articleNumber: 'ART-1001', externalOrderLineCode: 'L-1', numberOfItems: 3, pickedNumberOfItems: 3 },
          { row: 2, articleNumber: 'ART-1002', externalOrderLineCode: 'L-2', numberOfItems: 2, pickedNumberOfItems: 1 },
        ],
      },
    });
    expect(events.filter((e) => e.type === 'stock.changed').map((e) => e.subject).sort()).toEqual(['ART-1001', 'ART-1002']);
    expect((await wms.listStock('ACME', ['ART-1001']))[0]).toEqual({ articleNumber: 'ART-1001', physical: 7, available: 7 });

    // Collected after Sent is the same shipment: no second event.
    await wms.setOrderStatus('ACME', 'SO-5001', { status: 500 });
    expect((await wms.readEvents(lastId, 100)).filter((e) => e.type === 'order.shipped')).toHaveLength(1);
    // A re-import of the unchanged source order is unchanged, not locked.
    expect(await wms.upsertOrder('ACME', sampleOrder())).toEqual({ outcome: 'unchanged' });
  });

  it('refuses a shipment with a row the order does not have, and changes nothing', async () => {
    await wms.upsertOrder('ACME', sampleOrder());
    const e = await refusal(wms.setOrderStatus('ACME', 'SO-5001', { status: 450, picked: [{ row: 3, quantity: 1 }] }));
    expect(e.details[0]).toMatchObject({ field: 'picked[row 3]', reason: 'no such row; the order has rows 1-2' });
    const order = await wms.getOrder('ACME', 'SO-5001');
    expect(order.status).toBe(200);
    expect(order.shipments).toEqual([]);
    expect((await wms.readEvents(0, 1000)).filter((ev) => ev.type === 'order.shipped')).toEqual([]);
  });

  it('receives a purchase order partly, then fully, with stock in and one event per receipt', async () => {
    expect(await wms.upsertPurchaseOrder('ACME', samplePurchaseOrder())).toEqual({ outcome: 'created' });
    expect((await wms.getPurchaseOrder('ACME', 'PO-7001')).status).toBe(100);
    const partly = await wms.receivePurchaseOrder('ACME', 'PO-7001', [{ row: 1, quantity: 60 }]);
    expect(partly.status).toBe(300);
    expect(partly.inOrderLines.map((l) => l.receivedNumberOfItems)).toEqual([60, 0]);
    const full = await wms.receivePurchaseOrder('ACME', 'PO-7001');
    expect(full.status).toBe(500);
    expect(full.inOrderLines.map((l) => l.receivedNumberOfItems)).toEqual([100, 40]);
    const received = (await wms.readEvents(0, 1000, ['purchase-order.received'])).map((e) => e.payload);
    expect(received).toHaveLength(2);
    expect(received[1]).toMatchObject({ status: 500, lines: [{ row: 1, receivedNow: 40, receivedNumberOfItems: 100 }, { row: 2, receivedNow: 40, receivedNumberOfItems: 40 }] });
    expect(await wms.listStock('ACME', ['ART-1001', 'ART-1002'])).toEqual([
      { articleNumber: 'ART-1001', physical: 100, available: 100 },
      { articleNumber: 'ART-1002', physical: 40, available: 40 },
    ]);
    expect((await refusal(wms.receivePurchaseOrder('ACME', 'PO-7001'))).message).toBe('purchase order PO-7001 cannot be received: status 500 Received');
    expect(await wms.upsertPurchaseOrder('ACME', { ...samplePurchaseOrder(), inOrderLines: [{ articleNumber: 'ART-1001', numberOfItems: 5 }] })).toEqual({
      outcome: 'locked',
      reason: 'locked: status 500 Received',
    });
  });

  it('upserts and lists suppliers', async () => {
    expect(await wms.upsertSupplier('ACME', { supplierNumber: 'SUP-9', supplierName: 'Nordic Yarns Oy', city: 'Tampere' })).toEqual({ outcome: 'created' });
    expect((await wms.listSuppliers('ACME')).items).toEqual([{ supplierNumber: 'SUP-9', supplierName: 'Nordic Yarns Oy', city: 'Tampere' }]);
  });

  it('reads stock a page at a time: the pages together are the whole stock, each at most the limit', async () => {
    for (const n of ['ART-1003', 'ART-1004', 'ART-1005']) await wms.upsertArticle('ACME', sampleArticle(n));
    await wms.setStock('ACME', 'ART-1004', 6);
    const pages = [];
    for (let after: string | undefined, first = true; first || after !== undefined; first = false) {
      const page = await wms.stockPage('ACME', { limit: 2, ...(after === undefined ? {} : { after }) });
      pages.push(page.items);
      after = page.next;
    }
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual(await wms.listStock('ACME'));
    expect(pages.flat().find((s) => s.articleNumber === 'ART-1004')).toEqual({ articleNumber: 'ART-1004', physical: 6, available: 6 });
    expect(await wms.stockPage('ACME', { limit: 2, after: 'ART-1005' })).toEqual({ items: [] });
  });

  it('refuses stock for an unknown article and negative stock', async () => {
    expect((await refusal(wms.setStock('ACME', 'NOPE', 5))).details[0]).toMatchObject({ field: 'articleNumber', value: 'NOPE' });
    expect((await refusal(wms.setStock('ACME', 'ART-1001', -1))).details[0]).toMatchObject({ field: 'physical', value: -1 });
  });
});

/** The embedded WMS's warehouse: its own actions, lines by row. */
function embeddedWarehouse(wms: EmbeddedWms): WarehouseDriver {
  const rows = (lines?: { line: number; quantity: number }[]) => lines?.map((l) => ({ row: l.line, quantity: l.quantity }));
  return {
    release: async (n) => void (await wms.setOrderStatus('ACME', n, { status: 300 })),
    ship: async (n, change) => void (await wms.setOrderStatus('ACME', n, { status: 450, waybill: change.waybill, ...(change.picked ? { picked: rows(change.picked)! } : {}) })),
    receive: async (n, lines) => void (await wms.receivePurchaseOrder('ACME', n, rows(lines))),
    setStock: async (article, physical) => void (await wms.setStock('ACME', article, physical)),
  };
}

/** Ongoing's warehouse: the sandbox's control API, lines by the rowNumber the adapter gave them. */
function ongoingWarehouse(running: Awaited<ReturnType<typeof startOngoingSandbox>>): WarehouseDriver {
  const control = async (path: string, body: unknown) => {
    const response = await fetch(`${running.origin}/_sandbox${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  };
  const store = running.sandbox.store;
  const rows = (all: { rowNumber: string }[], lines?: { line: number; quantity: number }[]) => lines?.map((l) => ({ rowNumber: all[l.line - 1]!.rowNumber, quantity: l.quantity }));
  return {
    release: (n) => control(`/orders/${n}/status`, { status: 300 }),
    ship: (n, change) => control(`/orders/${n}/ship`, { waybill: change.waybill, ...(change.picked ? { picked: rows(store.order(n).lines, change.picked) } : {}) }),
    receive: (n, lines) => control(`/purchaseOrders/${n}/receive`, lines ? { lines: rows(store.purchaseOrder(n).lines, lines) } : {}),
    setStock: (article, physical) => control(`/articles/${article}/stock`, { numberOfItems: physical }),
  };
}

describe.each(dialectsUnderTest())('WMS port contract: embedded WMS on %s', (dialect) => {
  wmsPortContract(async () => {
    const store = await openTestStore(dialect);
    const wms = createEmbeddedWms(store);
    await wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    return { port: wms, owner: 'ACME', warehouse: embeddedWarehouse(wms), detectsUnchanged: true, hasSupplierRegister: true, close: () => store.drop() };
  });
});

describe.each(dialectsUnderTest())('WMS port contract: Ongoing WMS adapter against its sandbox, goods owner stored on %s', (dialect) => {
  wmsPortContract(async () => {
    const store = await openTestStore(dialect);
    const running = await startOngoingSandbox();
    const { sync } = testHub(store);
    await sync.tenants.add({
      code: 'ACME',
      name: 'Acme Oy',
      wms: 'ongoing',
      settings: { baseUrl: running.url, goodsOwnerId: String(running.sandbox.goodsOwnerId), pollIntervalSeconds: '0' },
      secrets: ongoingSandboxCredentials,
    });
    const port = await sync.wmsFor('ACME');
    return {
      port,
      owner: 'ACME',
      warehouse: ongoingWarehouse(running),
      detectsUnchanged: false,
      hasSupplierRegister: false,
      close: async () => {
        // Every write of the goods owner ran alone, as Ongoing needs.
        expect(running.sandbox.overlappingWrites()).toBe(0);
        await running.close();
        await store.drop();
      },
    };
  });
});
