import { statusLabel } from '../../domain/index.js';
import type { PurchaseOrder } from '../../domain/index.js';
import { conflict, notFound, recordError } from '../../kernel/errors.js';
import type { PurchaseOrderReceivedEvent } from '../port.js';
import { inTransaction, writeEvent, writeStockChanged } from './context.js';
import type { WmsContext } from './context.js';
import { resolveOwner } from './goods-owners.js';
import { getLinedOrder, loadOrder, purchaseOrderKind, setStatus } from './lined-orders.js';
import { adjustPhysical } from './stock.js';
import { pickOptional } from './shipping.js';

/**
 * Goods arrive: the given rows (or everything outstanding) are received, the stock goes up, the
 * status becomes Received when every line is complete and partly received otherwise, and the
 * "purchase order received" event is written, all in one transaction. More than ordered is
 * accepted: warehouses do receive surplus, and the report says what really came.
 */
export async function receivePurchaseOrder(
  ctx: WmsContext,
  ownerCode: string,
  number: string,
  lines?: { row: number; quantity: number }[],
): Promise<PurchaseOrder> {
  const record = `purchase order ${number}`;
  await inTransaction(ctx, async (tx) => {
    const owner = await resolveOwner(ctx, ownerCode, tx);
    const rules = owner.statusRules.purchaseOrder;
    const po = await loadOrder(ctx, purchaseOrderKind, tx, owner.id, number);
    if (!po) throw notFound(`purchase order ${number} of goods owner ${ownerCode}`);
    if (po.status === rules.cancelled || po.status === rules.received) {
      throw conflict(`${record} cannot be received: status ${statusLabel(rules, po.status)}`);
    }
    const now = new Map<number, number>();
    if (!lines || lines.length === 0) {
      for (const l of po.lines) now.set(l.row, Math.max(0, l.numberOfItems - (l.done ?? 0)));
    } else {
      for (const l of lines) {
        if (!po.lines.some((x) => x.row === l.row)) {
          throw recordError(record, [{ record, field: `line[row ${l.row}]`, value: l.row, reason: `no such row; the purchase order has rows 1-${po.lines.length}` }]);
        }
        if (!Number.isFinite(l.quantity) || l.quantity <= 0) {
          throw recordError(record, [{ record, field: `line[row ${l.row}]`, value: l.quantity, reason: 'must be greater than 0' }]);
        }
        now.set(l.row, (now.get(l.row) ?? 0) + l.quantity);
      }
    }
    const totals = po.lines.map((l) => ({ line: l, receivedNow: now.get(l.row) ?? 0, total: (l.done ?? 0) + (now.get(l.row) ?? 0) }));
    for (const { line, receivedNow, total } of totals) {
      if (receivedNow === 0) continue;
      await tx
        .updateTable('purchase_order_lines')
        .set({ received_number_of_items: total })
        .where('purchase_order_id', '=', po.id)
        .where('row_no', '=', line.row)
        .execute();
      await adjustPhysical(tx, ctx, owner.id, line.articleNumber, receivedNow);
    }
    const status = totals.every((t) => t.total >= t.line.numberOfItems) ? rules.received : rules.partlyReceived;
    await setStatus(ctx, purchaseOrderKind, tx, po.id, status);
    const event: PurchaseOrderReceivedEvent = {
      orderNumber: number,
      status,
      lines: totals.map(({ line, receivedNow, total }) => ({
        row: line.row,
        rowNumber: String(line.row),
        articleNumber: line.articleNumber,
        ...pickOptional(line.rest, 'externalOrderLineCode', 'externalOrderLineId'),
        numberOfItems: line.numberOfItems,
        receivedNumberOfItems: total,
        receivedNow,
      })),
    };
    await writeEvent(tx, ctx, owner.id, 'purchase-order.received', number, event);
    await writeStockChanged(tx, ctx, owner.id, totals.filter((t) => t.receivedNow > 0).map((t) => t.line.articleNumber));
  });
  return (await getLinedOrder(ctx, purchaseOrderKind, ownerCode, number)) as unknown as PurchaseOrder;
}
