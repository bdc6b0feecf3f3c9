import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../../kernel/clock.js';
import type { Dialect } from '../../store/database.js';
import type { Database } from '../../store/tables.js';
import type { WmsEventPayloads, WmsEventType } from '../port.js';

/** What every part of the embedded WMS needs: the database, its dialect and the clock. */
export interface WmsContext {
  db: Kysely<Database>;
  dialect: Dialect;
  clock: Clock;
}

export type Tx = Transaction<Database>;

/** Runs `work` in one transaction; a unique-key race between two writers retries once. */
export async function inTransaction<T>(ctx: WmsContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await ctx.db.transaction().execute(work);
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    return ctx.db.transaction().execute(work);
  }
}

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export async function writeEvent<K extends WmsEventType>(
  tx: Tx,
  ctx: WmsContext,
  goodsOwnerId: number,
  type: K,
  subject: string,
  payload: WmsEventPayloads[K],
): Promise<void> {
  await tx
    .insertInto('wms_events')
    .values({ goods_owner_id: goodsOwnerId, type, subject, payload: JSON.stringify(payload), created_at: ctx.clock.now().toISOString() })
    .execute();
}

/** One "stock changed" event per distinct article, in one insert. */
export async function writeStockChanged(tx: Tx, ctx: WmsContext, goodsOwnerId: number, articleNumbers: Iterable<string>): Promise<void> {
  const created_at = ctx.clock.now().toISOString();
  const rows = [...new Set(articleNumbers)].map((articleNumber) => ({
    goods_owner_id: goodsOwnerId,
    type: 'stock.changed',
    subject: articleNumber,
    payload: JSON.stringify({ articleNumber }),
    created_at,
  }));
  if (rows.length) await tx.insertInto('wms_events').values(rows).execute();
}

export const clampLimit = (limit: number | undefined): number => Math.min(Math.max(limit ?? 100, 1), 1000);
