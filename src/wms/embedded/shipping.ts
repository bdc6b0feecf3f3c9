import { statusLabel } from '../../domain/index.js';
import { conflict, notFound, recordError } from '../../kernel/errors.js';
import type { Order } from '../../domain/index.js';
import type { OrderShippedEvent, SetOrderStatus } from '../port.js';
import { inTransaction, writeEvent, writeStockChanged } from './context.js';
import type { WmsContext } from './context.js';
import { resolveOwner } from './goods-owners.js';
import { getLinedOrder, loadOrder, orderKind, setStatus } from './lined-orders.js';
import type { StoredOrder } from './lined-orders.js';
import { adjustPhysical } from './stock.js';
import { refuseNegativeStock, refuseOverPick } from './shipping-rules.js';

/**
 * The warehouse moves an order on: release, pick, send, collect, cancel. Entering a shipped status
 * (Sent, Collected) records the shipment, the picked quantities, takes the stock out, and writes
 * the "order shipped" event, all in one transaction. Collected after Sent is no second shipment.
 */
export async function setOrderStatus(ctx: WmsContext, ownerCode: string, number: string, change: SetOrderStatus): Promise<Order> {
  const record = `order ${number}`;
  await inTransaction(ctx, async (tx) => {
    const owner = await resolveOwner(ctx, ownerCode, tx);
    const rules = owner.statusRules.order;
    const order = await loadOrder(ctx, orderKind, tx, owner.id, number);
    if (!order) throw notFound(`order ${number} of goods owner ${ownerCode}`);
    if (!rules.statuses.some((s) => s.code === change.status)) {
      throw recordError(record, [{ record, field: 'status', value: change.status, reason: 'is not a status of this goods owner' }]);
    }
    const wasShipped = rules.shipped.includes(order.status);
    const shipping = rules.shipped.includes(change.status);
    if (order.status === rules.cancelled) throw conflict(`${record} is cancelled (status ${statusLabel(rules, order.status)})`);
    if (wasShipped && !shipping) {
      throw conflict(`${record} has been shipped (status ${statusLabel(rules, order.status)}); it cannot go to ${statusLabel(rules, change.status)}`);
    }
    const picked = pickedQuantities(record, order, change.picked, shipping);
    const now = ctx.clock.now().toISOString();
    for (const line of order.lines) {
      const quantity = picked.get(line.row);
      if (quantity === undefined) continue;
      await tx
        .updateTable('order_lines')
        .set({
          picked_number_of_items: quantity,
          ...(shipping && change.waybill ? { data: JSON.stringify({ ...line.rest, waybill: change.waybill }) } : {}),
        })
        .where('order_id', '=', order.id)
        .where('row_no', '=', line.row)
        .execute();
    }
    await setStatus(ctx, orderKind, tx, order.id, change.status);
    if (change.status === rules.cancelled) await writeStockChanged(tx, ctx, owner.id, order.lines.map((l) => l.articleNumber));
    if (!shipping || wasShipped) return;

    const shipment = { ...(change.waybill ? { waybill: change.waybill } : {}), ...(change.trackingUrl ? { trackingUrl: change.trackingUrl } : {}), sentAt: now };
    await tx.updateTable('orders').set({ shipments: JSON.stringify([...order.shipments, shipment]) }).where('id', '=', order.id).execute();
    const taken = new Map<string, number>();
    for (const line of order.lines) taken.set(line.articleNumber, (taken.get(line.articleNumber) ?? 0) + (picked.get(line.row) ?? 0));
    for (const [articleNumber, quantity] of taken) await adjustPhysical(tx, ctx, owner.id, articleNumber, -quantity);
    await refuseNegativeStock(tx, owner, record, new Map([...taken].filter(([, quantity]) => quantity > 0)));
    const event: OrderShippedEvent = {
      orderNumber: number,
      status: change.status,
      shipment,
      lines: order.lines.map((l) => ({
        row: l.row,
        rowNumber: String(l.row),
        articleNumber: l.articleNumber,
        ...pickOptional(l.rest, 'externalOrderLineCode', 'externalOrderLineId'),
        numberOfItems: l.numberOfItems,
        pickedNumberOfItems: picked.get(l.row) ?? 0,
      })),
    };
    await writeEvent(tx, ctx, owner.id, 'order.shipped', number, event);
    await writeStockChanged(tx, ctx, owner.id, order.lines.map((l) => l.articleNumber));
  });
  return (await getLinedOrder(ctx, orderKind, ownerCode, number)) as unknown as Order;
}

/**
 * Picked quantity per row. On shipping, rows not named are picked as already recorded, else in
 * full; on other statuses only the named rows change.
 */
function pickedQuantities(record: string, order: StoredOrder, given: SetOrderStatus['picked'], shipping: boolean): Map<number, number> {
  const out = new Map<number, number>();
  if (shipping) for (const l of order.lines) out.set(l.row, l.done ?? l.numberOfItems);
  for (const p of given ?? []) {
    const line = order.lines.find((l) => l.row === p.row);
    if (!line) {
      throw recordError(record, [{ record, field: `picked[row ${p.row}]`, value: p.row, reason: `no such row; the order has rows 1-${order.lines.length}` }]);
    }
    if (!Number.isFinite(p.quantity) || p.quantity < 0) {
      throw recordError(record, [{ record, field: `picked[row ${p.row}]`, value: p.quantity, reason: 'must be a number, 0 or more' }]);
    }
    refuseOverPick(record, line, p.quantity);
    out.set(p.row, p.quantity);
  }
  return out;
}

export function pickOptional(from: Record<string, unknown>, ...keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) if (typeof from[k] === 'string') out[k] = from[k] as string;
  return out;
}
