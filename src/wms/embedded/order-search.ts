import { sql } from 'kysely';
import type { Order } from '../../domain/index.js';
import type { OrderSearch, OrderSearchPage } from '../port.js';
import type { WmsContext } from './context.js';
import { resolveOwner } from './goods-owners.js';
import { listLinedOrders, orderKind } from './lined-orders.js';

/** `%` and `_` typed by a person are text, not wildcards. */
const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Orders for a person to look through: the number or the customer's name containing `text`
 * (either case), a status, sorted by when they came in or by number, and numbered pages with the
 * total. Numbers sort as numbers where they are (shorter first, then as text: 11 before 106).
 */
export async function searchOrders(ctx: WmsContext, ownerCode: string, search: OrderSearch): Promise<OrderSearchPage> {
  const owner = await resolveOwner(ctx, ownerCode);
  const customerName = ctx.dialect === 'postgres' ? sql<string>`(data::json -> 'customer' ->> 'name')` : sql<string>`json_extract(data, '$.customer.name')`;
  let filtered = ctx.db.selectFrom('orders').where('goods_owner_id', '=', owner.id);
  if (search.status !== undefined) filtered = filtered.where('status', '=', search.status);
  const text = search.text?.trim();
  if (text) {
    const pattern = likePattern(text);
    filtered = filtered.where((eb) => eb.or([sql<boolean>`lower(order_number) like ${pattern} escape '\\'`, sql<boolean>`lower(coalesce(${customerName}, '')) like ${pattern} escape '\\'`]));
  }
  const direction = search.direction ?? (search.sort === 'number' ? 'asc' : 'desc');
  const ordered =
    search.sort === 'number'
      ? filtered.orderBy(sql`length(order_number)`, direction).orderBy('order_number', direction)
      : filtered.orderBy('created_at', direction).orderBy('id', direction);
  const [total, rows] = await Promise.all([
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ordered.select(['order_number', 'created_at']).limit(search.limit).offset(search.offset).execute(),
  ]);
  // The page's orders with their lines, through the same read as the plain list.
  const numbers = rows.map((r) => r.order_number);
  const orders = numbers.length ? (await listLinedOrders(ctx, orderKind, ownerCode, { numbers, limit: numbers.length })).items : [];
  const byNumber = new Map(orders.map((o) => [(o.orderInfo as { goodsOwnerOrderNumber: string }).goodsOwnerOrderNumber, o as unknown as Order]));
  return { total: Number(total.n), items: rows.map((r) => ({ order: byNumber.get(r.order_number)!, receivedAt: r.created_at })) };
}
