import { sql } from 'kysely';
import { recordError } from '../../kernel/errors.js';
import type { StockBalance } from '../../domain/index.js';
import type { Page } from '../port.js';
import { inTransaction, writeStockChanged } from './context.js';
import type { Tx, WmsContext } from './context.js';
import { resolveOwner } from './goods-owners.js';
import type { ResolvedOwner } from './goods-owners.js';

/** Adds `delta` to an article's physical stock (a shipment takes away, a receipt adds). */
export async function adjustPhysical(tx: Tx, ctx: WmsContext, ownerId: number, articleNumber: string, delta: number): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await tx
    .insertInto('stock_balances')
    .values({ goods_owner_id: ownerId, article_number: articleNumber, physical: delta, updated_at: now })
    .onConflict((oc) =>
      oc.columns(['goods_owner_id', 'article_number']).doUpdateSet({ physical: sql<number>`stock_balances.physical + ${delta}`, updated_at: now }),
    )
    .execute();
}

/** Statuses whose orders hold stock: every status except the shipped and cancelled ones. */
const reservingStatuses = (owner: ResolvedOwner): number[] => {
  const rules = owner.statusRules.order;
  return rules.statuses.map((s) => s.code).filter((c) => !rules.shipped.includes(c) && c !== rules.cancelled);
};

/**
 * Stock per article: physical from the balances, available = physical minus what open orders hold.
 * Lists every article that has an article record or a balance; `articleNumbers` narrows it.
 */
export async function listStock(ctx: WmsContext, ownerCode: string, articleNumbers?: string[]): Promise<StockBalance[]> {
  return stockOf(ctx, await resolveOwner(ctx, ownerCode), articleNumbers);
}

async function stockOf(ctx: WmsContext, owner: ResolvedOwner, articleNumbers?: string[]): Promise<StockBalance[]> {
  if (articleNumbers?.length === 0) return [];
  const narrow = articleNumbers !== undefined;
  // NaN never matches a status; it keeps the IN list non-empty when rules reserve nothing.
  const articles = await ctx.db
    .selectFrom('articles')
    .select('article_number')
    .where('goods_owner_id', '=', owner.id)
    .$if(narrow, (q) => q.where('article_number', 'in', articleNumbers!))
    .execute();
  const balances = await ctx.db
    .selectFrom('stock_balances')
    .select(['article_number', 'physical'])
    .where('goods_owner_id', '=', owner.id)
    .$if(narrow, (q) => q.where('article_number', 'in', articleNumbers!))
    .execute();
  const reserved = await ctx.db
    .selectFrom('order_lines')
    .innerJoin('orders', 'orders.id', 'order_lines.order_id')
    .select(['order_lines.article_number as article_number', sql<number>`sum(order_lines.number_of_items)`.as('quantity')])
    .where('orders.goods_owner_id', '=', owner.id)
    .where('orders.status', 'in', reservingStatuses(owner))
    .$if(narrow, (q) => q.where('order_lines.article_number', 'in', articleNumbers!))
    .groupBy('order_lines.article_number')
    .execute();

  const physical = new Map(balances.map((b) => [b.article_number, Number(b.physical)]));
  const held = new Map(reserved.map((r) => [r.article_number, Number(r.quantity)]));
  const numbers = [...new Set([...articles.map((a) => a.article_number), ...physical.keys()])].sort();
  return numbers.map((articleNumber) => {
    const p = physical.get(articleNumber) ?? 0;
    return { articleNumber, physical: p, available: p - (held.get(articleNumber) ?? 0) };
  });
}

/**
 * A page of `listStock`: the article numbers after `after` (in the database's order, as the
 * `after` it is given back compares), at most `limit`, with their stock.
 */
export async function stockPage(ctx: WmsContext, ownerCode: string, options: { limit: number; after?: string }): Promise<Page<StockBalance>> {
  const owner = await resolveOwner(ctx, ownerCode);
  const numbersOf = (table: 'articles' | 'stock_balances') =>
    ctx.db
      .selectFrom(table)
      .select('article_number')
      .where('goods_owner_id', '=', owner.id)
      .$if(options.after !== undefined, (q) => q.where('article_number', '>', options.after!));
  const rows = await ctx.db
    .selectFrom(numbersOf('articles').union(numbersOf('stock_balances')).as('numbers'))
    .select('article_number')
    .orderBy('article_number')
    .limit(options.limit + 1)
    .execute();
  const numbers = rows.slice(0, options.limit).map((r) => r.article_number);
  const items = await stockOf(ctx, owner, numbers);
  return rows.length > options.limit ? { items, next: numbers.at(-1)! } : { items };
}

/** Sets the physical stock of an article that exists (a stock count or adjustment). */
export async function setStock(ctx: WmsContext, ownerCode: string, articleNumber: string, physical: number): Promise<StockBalance> {
  if (!Number.isFinite(physical) || physical < 0) {
    throw recordError(`stock of article ${articleNumber}`, [{ record: `stock of article ${articleNumber}`, field: 'physical', value: physical, reason: 'must be a number, 0 or more' }]);
  }
  await inTransaction(ctx, async (tx) => {
    const owner = await resolveOwner(ctx, ownerCode, tx);
    const article = await tx.selectFrom('articles').select('article_number').where('goods_owner_id', '=', owner.id).where('article_number', '=', articleNumber).executeTakeFirst();
    if (!article) {
      throw recordError(`stock of article ${articleNumber}`, [{ record: `stock of article ${articleNumber}`, field: 'articleNumber', value: articleNumber, reason: 'no such article for this goods owner' }]);
    }
    const now = ctx.clock.now().toISOString();
    await tx
      .insertInto('stock_balances')
      .values({ goods_owner_id: owner.id, article_number: articleNumber, physical, updated_at: now })
      .onConflict((oc) => oc.columns(['goods_owner_id', 'article_number']).doUpdateSet({ physical, updated_at: now }))
      .execute();
    await writeStockChanged(tx, ctx, owner.id, [articleNumber]);
  });
  const [balance] = await listStock(ctx, ownerCode, [articleNumber]);
  return balance!;
}
