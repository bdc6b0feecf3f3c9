import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../../kernel/clock.js';
import type { Dialect } from '../../store/database.js';
import type { Database } from '../../store/tables.js';
import type { WmsEventPayloads, WmsEventType } from '../port.js';
import type { ResolvedOwner } from './goods-owners.js';
import { chunksOf } from '../../store/chunks.js';

/** What every part of the embedded WMS needs: the database, its dialect and the clock. */
export interface WmsContext {
  db: Kysely<Database>;
  dialect: Dialect;
  clock: Clock;
  /** While a write batch holds SQLite's write lock (see `writeInBatch`). */
  batch?: WriteBatch;
}

/**
 * What a batch keeps until it commits: the goods owners its records were written for, read once a
 * batch instead of once a record (nothing else can change them before it commits), and the
 * articles whose stock its orders changed, one "stock changed" event each at the end instead of
 * one per order line.
 */
interface WriteBatch {
  owners: Map<string, ResolvedOwner>;
  stockChanged: Map<number, Set<string>>;
}

/** Runs `work` as one batch of `runBatch` (the store's transaction), with its owners and events kept as above. */
export async function writeInBatch<T>(ctx: WmsContext, runBatch: <R>(work: () => Promise<R>) => Promise<R>, work: () => Promise<T>): Promise<T> {
  // A batch inside a batch joins it, and what it keeps with it.
  if (ctx.batch) return runBatch(work);
  const batch: WriteBatch = { owners: new Map(), stockChanged: new Map() };
  ctx.batch = batch;
  try {
    return await runBatch(async () => {
      const result = await work();
      for (const [ownerId, articles] of batch.stockChanged) await insertStockChanged(ctx.db, ctx, ownerId, articles);
      return result;
    });
  } finally {
    ctx.batch = undefined;
  }
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

/** One "stock changed" event per distinct article, in one insert (or at the end of the batch). */
export async function writeStockChanged(tx: Tx, ctx: WmsContext, goodsOwnerId: number, articleNumbers: Iterable<string>): Promise<void> {
  if (ctx.batch) {
    // A record rolled back after this leaves its articles here: one event too many says only "read the stock again".
    const kept = ctx.batch.stockChanged.get(goodsOwnerId) ?? new Set();
    for (const n of articleNumbers) kept.add(n);
    ctx.batch.stockChanged.set(goodsOwnerId, kept);
    return;
  }
  await insertStockChanged(tx, ctx, goodsOwnerId, articleNumbers);
}

async function insertStockChanged(db: Tx | Kysely<Database>, ctx: WmsContext, goodsOwnerId: number, articleNumbers: Iterable<string>): Promise<void> {
  const created_at = ctx.clock.now().toISOString();
  const rows = [...new Set(articleNumbers)].map((articleNumber) => ({
    goods_owner_id: goodsOwnerId,
    type: 'stock.changed',
    subject: articleNumber,
    payload: JSON.stringify({ articleNumber }),
    created_at,
  }));
  for (const part of chunksOf(rows)) await db.insertInto('wms_events').values(part).execute();
}

export const clampLimit = (limit: number | undefined): number => Math.min(Math.max(limit ?? 100, 1), 1000);
