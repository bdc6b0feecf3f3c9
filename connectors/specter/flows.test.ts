import { describe, expect, it } from 'vitest';
import type { OrderShippedEvent, PurchaseOrderReceivedEvent } from '../../src/connectors/sdk/index.js';
import { inProcessApi, signal, testSandbox } from './fixtures/in-process.js';
import { deliveryReport } from './flows/delivery-report.js';
import { orderImport } from './flows/order-import.js';
import { purchaseOrderImport } from './flows/purchase-order-import.js';
import { receiptReport } from './flows/receipt-report.js';

const shipped = (lines: OrderShippedEvent['lines'], waybill?: string): OrderShippedEvent => ({
  orderNumber: 'x', status: 450, shipment: { ...(waybill ? { waybill } : {}), sentAt: '2026-12-02T15:30:00Z' }, lines,
});
const line = (row: number, code: string | undefined, picked: number) => ({ row, articleNumber: 'SP-1001', ...(code ? { externalOrderLineCode: code } : {}), numberOfItems: picked, pickedNumberOfItems: picked });

describe('delivery report', () => {
  it('sends the delivery date and, without a waybill, is done once every picked row shows as delivered', async () => {
    const sandbox = testSandbox();
    const order = sandbox.store.createOrder();
    const api = inProcessApi(sandbox);
    const payload = shipped(order.rows.map((r, i) => line(i + 1, r.rowNo, r.noItems * r.noItems2)));
    expect(await deliveryReport.isDone(api, { externalId: order.orderNo, payload }, signal)).toBe(false);
    await deliveryReport.send(api, { externalId: order.orderNo, payload }, signal);
    expect(sandbox.store.orders.get(order.orderNo)!.deliveries).toEqual([
      expect.objectContaining({ deliveryDate: '2026-12-02', sendDeliveryMail: '0', createInvoice: '0', rows: order.rows.map((r) => ({ rowNo: r.rowNo, noItems: r.noItems * r.noItems2 })) }),
    ]);
    expect(sandbox.store.orders.get(order.orderNo)!.deliveryStatus).toBe('D');
    expect(await deliveryReport.isDone(api, { externalId: order.orderNo, payload }, signal)).toBe(true);
  });

  it('refuses a line without its row no, naming the line, before calling Specter', async () => {
    const sandbox = testSandbox();
    const order = sandbox.store.createOrder();
    const error = await deliveryReport.send(inProcessApi(sandbox), { externalId: order.orderNo, payload: shipped([line(2, undefined, 1)]) }, signal).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'record', details: [{ record: `order ${order.orderNo}`, field: 'lines[2].externalOrderLineCode' }] });
    expect(sandbox.recorder.requests.filter((r) => r.path === '/putInfo.asp')).toHaveLength(0);
  });

  it("passes Specter's refusal on as the record's, with Specter's message", async () => {
    const sandbox = testSandbox();
    const order = sandbox.store.createOrder();
    const error = await deliveryReport.send(inProcessApi(sandbox), { externalId: order.orderNo, payload: shipped([line(1, '99', 1)], 'W1') }, signal).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'record', message: expect.stringContaining(`Row no 99 is not on order ${order.orderNo}`) });
  });
});

describe('receipt report', () => {
  const received = (rows: { id: string; now: number; total: number }[]): PurchaseOrderReceivedEvent => ({
    orderNumber: 'x', status: 300, lines: rows.map((r, i) => ({ row: i + 1, articleNumber: 'SP-1001', externalOrderLineId: r.id, numberOfItems: 50, receivedNow: r.now, receivedNumberOfItems: r.total })),
  });

  it('is done for a partial receipt only once Specter has received that much, and reports the next part on its own', async () => {
    const sandbox = testSandbox();
    const purchase = sandbox.store.createPurchase();
    const api = inProcessApi(sandbox, { sendPurchaseDeliveryEmail: 'yes' });
    const row = purchase.rows[0]!;
    const first = received([{ id: row.id, now: 3, total: 3 }]);
    expect(await receiptReport.isDone(api, { externalId: purchase.purchaseNo, payload: first }, signal)).toBe(false);
    await receiptReport.send(api, { externalId: purchase.purchaseNo, payload: first }, signal);
    expect(await receiptReport.isDone(api, { externalId: purchase.purchaseNo, payload: first }, signal)).toBe(true);
    const second = received([{ id: row.id, now: 2, total: 5 }]);
    expect(await receiptReport.isDone(api, { externalId: purchase.purchaseNo, payload: second }, signal)).toBe(false);
    await receiptReport.send(api, { externalId: purchase.purchaseNo, payload: second }, signal);
    expect(sandbox.store.purchases.get(purchase.purchaseNo)!.deliveries.map((d) => [d.sendDeliveryMail, d.rows])).toEqual([
      ['1', [{ rowId: row.id, noItems: 3 }]],
      ['1', [{ rowId: row.id, noItems: 2 }]],
    ]);
    expect(sandbox.store.purchases.get(purchase.purchaseNo)!.rows[0]!.noItemsDelivered).toBe(5);
  });
});

describe('order import', () => {
  it('cancels an order Specter has deleted (status 5), and reads none of another delivery status', async () => {
    const sandbox = testSandbox({ orders: 0 });
    const deleted = sandbox.store.createOrder({ statusId: '5' });
    sandbox.store.createOrder({ deliveryStatus: 'P' });
    const records = [];
    for await (const page of orderImport.fetch(inProcessApi(sandbox), { since: undefined, signal })) records.push(...page.records);
    expect(records.map((r) => [r.externalId, r.action])).toEqual([[deleted.orderNo, 'cancel']]);
  });
});

describe('purchase order import', () => {
  it('reads the last 15 minutes on a first run, and back to the cursor minus the overlap after that', async () => {
    const minutesAgo = (minutes: number) => `${new Date(Date.now() - minutes * 60_000).toISOString().slice(0, 19)}Z`;
    const sandbox = testSandbox({ purchases: 0, now: () => new Date() });
    const recent = sandbox.store.createPurchase({ lastChange: minutesAgo(10) });
    const older = sandbox.store.createPurchase({ lastChange: minutesAgo(40) });
    const read = async (since: Date | undefined) => {
      const numbers = [];
      for await (const page of purchaseOrderImport.fetch(inProcessApi(sandbox), { since, signal })) numbers.push(...page.records.map((r) => r.externalId));
      return numbers;
    };
    expect(await read(undefined)).toEqual([recent.purchaseNo]);
    // A run missed: the last cursor was an hour ago, so the window reaches back there.
    expect(await read(new Date(Date.now() - 60 * 60_000))).toEqual([older.purchaseNo, recent.purchaseNo]);
  });
});
