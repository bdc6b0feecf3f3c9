import { expect, it } from 'vitest';
import { isWmsyncError } from '../../src/kernel/errors.js';
import type { WmsEvent, WmsPort } from '../../src/wms/port.js';
import { sampleArticle, sampleOrder, samplePurchaseOrder } from '../support/fixtures.js';

/** Lines are named by their 1-based place in the input the test wrote; each driver maps that to its WMS's line key. */
export interface WarehouseDriver {
  /** The warehouse starts work on the order (Released). */
  release(orderNumber: string): Promise<void>;
  /** Picks (the named lines as given, the rest in full) and sends, with a waybill. */
  ship(orderNumber: string, change: { picked?: { line: number; quantity: number }[]; waybill: string }): Promise<void>;
  receive(purchaseOrderNumber: string, lines?: { line: number; quantity: number }[]): Promise<void>;
  setStock(articleNumber: string, physical: number): Promise<void>;
}

export interface WmsUnderTest {
  port: WmsPort;
  owner: string;
  warehouse: WarehouseDriver;
  /** Whether the WMS can tell "unchanged" from "updated" (the embedded WMS compares inputs; Ongoing's PUT cannot say). */
  detectsUnchanged: boolean;
  /** Whether the WMS keeps suppliers of their own (Ongoing's REST API has no supplier register). */
  hasSupplierRegister: boolean;
  close(): Promise<void>;
}

/** What a thrown WmsyncError says, for assertions on kind, message and field issues. */
export async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isWmsyncError(e)) return e;
    throw e;
  }
  throw new Error('expected the call to be refused');
}

/** Reads the feed from `cursor` and keeps only the reports (not stock changes). */
async function reports(port: WmsPort, cursor: string): Promise<{ events: WmsEvent[]; cursor: string }> {
  const batch = await port.poll(cursor, 1000, ['order.shipped', 'purchase-order.received']);
  return { events: batch.events, cursor: batch.cursor };
}

/**
 * What every WMS behind the port must do, as the sync engine relies on it: writes with the
 * status gate, refusals that name record, field, value and reason, stock, and the event feed
 * with its acknowledgement. Each test gets a fresh WMS whose goods owner has ART-1001 and ART-1002.
 */
export function wmsPortContract(open: () => Promise<WmsUnderTest>): void {
  const withWms = (name: string, body: (w: WmsUnderTest) => Promise<void>) =>
    it(name, async () => {
      const w = await open();
      try {
        for (const n of ['ART-1001', 'ART-1002']) await w.port.upsertArticle(w.owner, sampleArticle(n));
        await body(w);
      } finally {
        await w.close();
      }
    });

  withWms('creates an article, then updates it', async ({ port, owner, detectsUnchanged }) => {
    expect(await port.upsertArticle(owner, sampleArticle('ART-2000'))).toEqual({ outcome: 'created' });
    expect(await port.upsertArticle(owner, sampleArticle('ART-2000'))).toEqual({ outcome: detectsUnchanged ? 'unchanged' : 'updated' });
    expect(await port.upsertArticle(owner, { ...sampleArticle('ART-2000'), price: 14.5 })).toEqual({ outcome: 'updated' });
  });

  withWms('refuses a bad article naming record, field, value and reason, and writes nothing', async ({ port, owner }) => {
    const e = await refusal(port.upsertArticle(owner, { articleNumber: 'ART-BAD', price: 'cheap' }));
    expect(e.kind).toBe('record');
    expect(e.details).toContainEqual(expect.objectContaining({ record: 'article ART-BAD', field: 'price', value: 'cheap' }));
    expect((await port.listStock(owner)).map((s) => s.articleNumber)).toEqual(['ART-1001', 'ART-1002']);
  });

  withWms('writes an open order, updates it while open, and locks it with the reason once the warehouse started', async ({ port, owner, warehouse }) => {
    expect(await port.upsertOrder(owner, sampleOrder())).toEqual({ outcome: 'created' });
    const changed = sampleOrder();
    changed.orderInfo.orderRemark = 'Call before delivery';
    expect(await port.upsertOrder(owner, changed)).toEqual({ outcome: 'updated' });
    await warehouse.release('SO-5001');
    const late = sampleOrder();
    late.orderLines[0]!.numberOfItems = 99;
    expect(await port.upsertOrder(owner, late)).toEqual({ outcome: 'locked', reason: 'locked: status 300 Released' });
  });

  withWms('refuses an order without its number, naming the field', async ({ port, owner }) => {
    const e = await refusal(port.upsertOrder(owner, { ...sampleOrder(), orderInfo: { orderRemark: 'x' } }));
    expect(e.details).toContainEqual(expect.objectContaining({ field: 'orderInfo.goodsOwnerOrderNumber', reason: 'is required' }));
  });

  withWms('cancels an open order once, and refuses to cancel a started one with the reason', async ({ port, owner, warehouse }) => {
    await port.upsertOrder(owner, sampleOrder('SO-1'));
    await port.upsertOrder(owner, sampleOrder('SO-2'));
    expect(await port.cancelOrder(owner, 'SO-1')).toEqual({ outcome: 'cancelled' });
    expect(await port.cancelOrder(owner, 'SO-1')).toEqual({ outcome: 'unchanged' });
    await warehouse.release('SO-2');
    expect(await port.cancelOrder(owner, 'SO-2')).toEqual({ outcome: 'locked', reason: 'locked: status 300 Released' });
    expect((await refusal(port.cancelOrder(owner, 'SO-NONE'))).kind).toBe('not-found');
  });

  withWms('stock: physical as counted, available net of open orders', async ({ port, owner, warehouse }) => {
    await warehouse.setStock('ART-1001', 10);
    await port.upsertOrder(owner, sampleOrder());
    expect(await port.listStock(owner, ['ART-1001'])).toEqual([{ articleNumber: 'ART-1001', physical: 10, available: 7 }]);
    expect(await port.listStock(owner, [])).toEqual([]);
  });

  withWms('a shipment is offered once per cursor with its lines, picked quantities and waybill, until acknowledged', async ({ port, owner, warehouse }) => {
    await warehouse.setStock('ART-1001', 10);
    await warehouse.setStock('ART-1002', 10);
    const order = sampleOrder();
    order.orderLines[0]!.externalOrderLineId = 'shop-line-71';
    order.orderLines[1]!.externalOrderLineId = 'shop-line-72';
    await port.upsertOrder(owner, order);
    const start = (await reports(port, '')).cursor;
    await warehouse.ship('SO-5001', { picked: [{ line: 2, quantity: 1 }], waybill: 'JJFI6412345' });

    const first = await reports(port, start);
    expect(first.events).toHaveLength(1);
    const event = first.events[0]!;
    expect(event).toMatchObject({ goodsOwner: owner, type: 'order.shipped', subject: 'SO-5001', payload: { orderNumber: 'SO-5001', shipment: { waybill: 'JJFI6412345' } } });
    if (event.type !== 'order.shipped') throw new Error('not a shipment');
    // Lines are matched by the source's line id and a row number that stays the line's own.
    expect(event.payload.lines.map((l) => [l.externalOrderLineId, l.articleNumber, l.numberOfItems, l.pickedNumberOfItems])).toEqual([
      ['shop-line-71', 'ART-1001', 3, 3],
      ['shop-line-72', 'ART-1002', 2, 1],
    ]);
    expect(new Set(event.payload.lines.map((l) => l.rowNumber)).size).toBe(2);
    // Read again from the same cursor (a relay that crashed before saving it): the same event, same id.
    expect((await reports(port, start)).events.map((e) => e.id)).toEqual([event.id]);

    await port.ack(event);
    expect((await reports(port, first.cursor)).events).toEqual([]);
    await port.ack(event);
    expect((await port.listStock(owner, ['ART-1001']))[0]).toMatchObject({ physical: 7 });
  });

  withWms('a partial receipt is offered with what arrived; after the ack the rest arrives as a new event', async ({ port, owner, warehouse }) => {
    expect(await port.upsertPurchaseOrder(owner, samplePurchaseOrder())).toEqual({ outcome: 'created' });
    const start = (await reports(port, '')).cursor;
    await warehouse.receive('PO-7001', [{ line: 1, quantity: 60 }]);
    const partly = await reports(port, start);
    expect(partly.events).toHaveLength(1);
    const first = partly.events[0]!;
    expect(first).toMatchObject({ type: 'purchase-order.received', subject: 'PO-7001', payload: { status: 300 } });
    await port.ack(first);
    await warehouse.receive('PO-7001');
    const rest = await reports(port, partly.cursor);
    expect(rest.events).toHaveLength(1);
    expect(rest.events[0]!.id).not.toBe(first.id);
    expect(rest.events[0]!.payload).toMatchObject({
      status: 500,
      lines: [
        { articleNumber: 'ART-1001', receivedNow: 40, receivedNumberOfItems: 100 },
        { articleNumber: 'ART-1002', receivedNow: 40, receivedNumberOfItems: 40 },
      ],
    });
    const late = { ...samplePurchaseOrder(), inOrderLines: [{ articleNumber: 'ART-1001', numberOfItems: 5 }] };
    expect(await port.upsertPurchaseOrder(owner, late)).toEqual({ outcome: 'locked', reason: 'locked: status 500 Received' });
    expect(await port.listStock(owner, ['ART-1001', 'ART-1002'])).toEqual([
      { articleNumber: 'ART-1001', physical: 100, available: 100 },
      { articleNumber: 'ART-1002', physical: 40, available: 40 },
    ]);
  });

  withWms('takes a supplier where the WMS keeps suppliers, and says why not where it does not', async ({ port, owner, hasSupplierRegister }) => {
    const outcome = await port.upsertSupplier(owner, { supplierNumber: 'SUP-9', supplierName: 'Nordic Yarns Oy' });
    if (hasSupplierRegister) expect(outcome).toEqual({ outcome: 'created' });
    else expect(outcome).toEqual({ outcome: 'locked', reason: expect.stringContaining('no supplier register') });
    expect((await refusal(port.upsertSupplier(owner, { supplierNumber: 'SUP-10', email: 'not-mail' }))).details[0]).toMatchObject({ field: 'email' });
  });
}
