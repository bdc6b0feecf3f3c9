import { conflict, recordError } from '../../kernel/errors.js';
import type { Tx } from './context.js';
import type { ResolvedOwner } from './goods-owners.js';
import type { StoredLine } from './lined-orders.js';

/**
 * The warehouse's rules for a shipment, checked inside its transaction: no line picks more than
 * it ordered, and (unless the goods owner allows it) no article ships more than is in stock.
 */

/** A picked quantity above the ordered one is a typo or a wrong line, never a shipment. */
export function refuseOverPick(record: string, line: StoredLine, quantity: number): void {
  if (quantity <= line.numberOfItems) return;
  throw recordError(record, [
    { record, field: `picked[row ${line.row}]`, value: quantity, reason: `is more than the ${line.numberOfItems} ordered of article ${line.articleNumber} on row ${line.row}` },
  ]);
}

/**
 * Called after the shipment took its quantities out of physical stock: a balance below zero means
 * the shipment took what was not there. The check reads the rows the shipment has just updated
 * (and so locked, on PostgreSQL), so two shipments at once cannot both take the last items.
 */
export async function refuseNegativeStock(tx: Tx, owner: ResolvedOwner, record: string, taken: Map<string, number>): Promise<void> {
  if (owner.allowNegativeStock || taken.size === 0) return;
  const balances = await tx
    .selectFrom('stock_balances')
    .select(['article_number', 'physical'])
    .where('goods_owner_id', '=', owner.id)
    .where('article_number', 'in', [...taken.keys()])
    .execute();
  const short = balances
    .filter((b) => Number(b.physical) < 0)
    .sort((a, b) => (a.article_number < b.article_number ? -1 : 1))
    .map((b) => {
      const quantity = taken.get(b.article_number)!;
      return `article ${b.article_number}: ${quantity} to ship, ${Number(b.physical) + quantity} in stock`;
    });
  if (short.length === 0) return;
  throw conflict(
    `${record} cannot ship what is not in stock (${short.join('; ')}). Put stock in first (wms stock set, or receive a purchase order), or let goods owner ${owner.code} ship below zero: wmsync goods-owners set ${owner.code} --allow-negative-stock yes`,
  );
}
