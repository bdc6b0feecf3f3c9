import type { UpsertOutcome } from '../port.js';
import { inTransaction, writeStockChanged } from './context.js';
import type { WmsContext } from './context.js';
import { resolveOwner } from './goods-owners.js';
import { headerRow, lineRows, splitOrder, upsertLinedOrder } from './lined-orders.js';
import type { LinedKind } from './lined-orders.js';
import { chunksOf, keyChunksOf } from '../../store/chunks.js';

/**
 * Many orders (or purchase orders) of one goods owner in one call, one outcome each in their
 * order. Every one is checked before anything is written, so a refused one refuses the call. The
 * new ones go in together: one look-up, one insert of their headers and one of their lines per
 * chunk. An order stored already, or given a second time, goes through `upsertLinedOrder` after
 * them, with its status gate and its lines replaced.
 */
export async function upsertLinedOrders(ctx: WmsContext, kind: LinedKind, ownerCode: string, inputs: unknown[]): Promise<UpsertOutcome[]> {
  const orders = inputs.map((input) => splitOrder(kind, input));
  const created = await inTransaction(ctx, async (tx) => {
    const owner = await resolveOwner(ctx, ownerCode, tx);
    const numbers = [...new Set(orders.map((o) => o.number))];
    const stored = new Set<string>();
    for (const part of keyChunksOf(numbers)) {
      const rows = await tx.selectFrom(kind.table).select('order_number').where('goods_owner_id', '=', owner.id).where('order_number', 'in', part).execute();
      for (const row of rows) stored.add(row.order_number);
    }
    // The first of each number not stored yet, by its place in the call.
    const fresh = new Map<string, number>();
    for (const [i, o] of orders.entries()) if (!stored.has(o.number) && !fresh.has(o.number)) fresh.set(o.number, i);
    const headers = [...fresh].map(([number, i]) => headerRow(ctx, kind, owner, number, orders[i]!.header));
    const ids = new Map<string, number>();
    for (const part of chunksOf(headers)) {
      const rows = await tx.insertInto(kind.table).values(part as never).returning(['id', 'order_number']).execute();
      for (const row of rows) ids.set(row.order_number, row.id);
    }
    const lines = [...fresh].flatMap(([number, i]) => lineRows(kind, ids.get(number)!, orders[i]!.lines));
    for (const part of chunksOf(lines)) await tx.insertInto(kind.lineTable).values(part as never).execute();
    await writeStockChanged(tx, ctx, owner.id, [...fresh].flatMap(([, i]) => orders[i]!.lines.map((l) => l.articleNumber)));
    return new Set(fresh.values());
  });
  // Outside that transaction: on PostgreSQL each of these is a transaction of its own.
  const outcomes: UpsertOutcome[] = [];
  for (const [i, o] of orders.entries()) outcomes.push(created.has(i) ? { outcome: 'created' } : await upsertLinedOrder(ctx, kind, ownerCode, o.parsed));
  return outcomes;
}
