import type { z } from 'zod';
import { articleSchema, parseRecord, recordJson, supplierSchema } from '../../domain/index.js';
import { notFound } from '../../kernel/errors.js';
import type { ListOptions, Page, UpsertOutcome } from '../port.js';
import { clampLimit, inTransaction } from './context.js';
import type { WmsContext } from './context.js';
import { resolveOwner } from './goods-owners.js';
import { chunksOf, keyChunksOf } from '../../store/chunks.js';

/**
 * Articles and suppliers are plain documents keyed by goods owner + number: no status, no lines.
 * One description per kind drives upsert, get and list.
 */
interface DocumentKind<S extends z.ZodType> {
  table: 'articles' | 'suppliers';
  keyColumn: 'article_number' | 'supplier_number';
  schema: S;
  label: string;
  key(record: z.output<S>): string;
}

export const articleKind: DocumentKind<typeof articleSchema> = {
  table: 'articles',
  keyColumn: 'article_number',
  schema: articleSchema,
  label: 'article',
  key: (a) => a.articleNumber,
};

export const supplierKind: DocumentKind<typeof supplierSchema> = {
  table: 'suppliers',
  keyColumn: 'supplier_number',
  schema: supplierSchema,
  label: 'supplier',
  key: (s) => s.supplierNumber,
};

const recordKey = (input: unknown, field: string): string => {
  const v = (input as Record<string, unknown> | null)?.[field];
  return typeof v === 'string' ? v : '(no number)';
};

export async function upsertDocument<S extends z.ZodType>(ctx: WmsContext, kind: DocumentKind<S>, ownerCode: string, input: unknown): Promise<UpsertOutcome> {
  return (await upsertDocuments(ctx, kind, ownerCode, [input]))[0]!;
}

/**
 * Many documents of one goods owner in one transaction, one outcome each in their order: one
 * look-up and one insert for all of them, an update for each one that changed. A number given
 * twice is written once, with the later record ("updated" when it differs from the earlier).
 */
export async function upsertDocuments<S extends z.ZodType>(
  ctx: WmsContext,
  kind: DocumentKind<S>,
  ownerCode: string,
  inputs: unknown[],
): Promise<UpsertOutcome[]> {
  const keyField = kind.table === 'articles' ? 'articleNumber' : 'supplierNumber';
  const records = inputs.map((input) => {
    const record = parseRecord(kind.schema, `${kind.label} ${recordKey(input, keyField)}`, input);
    return { key: kind.key(record), data: recordJson(record) };
  });
  return inTransaction(ctx, async (tx) => {
    const owner = await resolveOwner(ctx, ownerCode, tx);
    const keys = [...new Set(records.map((r) => r.key))];
    const stored = new Map<string, string>();
    for (const part of keyChunksOf(keys)) {
      const rows = (await tx
        .selectFrom(kind.table)
        .select([kind.keyColumn, 'data'] as const)
        .where('goods_owner_id', '=', owner.id)
        .where(kind.keyColumn, 'in', part)
        .execute()) as Record<string, string>[];
      for (const row of rows) stored.set(row[kind.keyColumn]!, row.data!);
    }
    const inserts = new Map<string, string>();
    const updates = new Map<string, string>();
    const outcomes = records.map(({ key, data }): UpsertOutcome => {
      const before = inserts.get(key) ?? updates.get(key) ?? stored.get(key);
      if (before === undefined) {
        inserts.set(key, data);
        return { outcome: 'created' };
      }
      if (before === data) return { outcome: 'unchanged' };
      (inserts.has(key) ? inserts : updates).set(key, data);
      return { outcome: 'updated' };
    });
    const updatedAt = ctx.clock.now().toISOString();
    const rows = [...inserts].map(([key, data]) => ({ goods_owner_id: owner.id, [kind.keyColumn]: key, data, updated_at: updatedAt }));
    for (const part of chunksOf(rows)) await tx.insertInto(kind.table).values(part as never).execute();
    for (const [key, data] of updates) {
      await tx.updateTable(kind.table).set({ data, updated_at: updatedAt }).where('goods_owner_id', '=', owner.id).where(kind.keyColumn, '=', key).execute();
    }
    return outcomes;
  });
}

export async function getDocument<S extends z.ZodType>(ctx: WmsContext, kind: DocumentKind<S>, ownerCode: string, key: string): Promise<z.output<S>> {
  const owner = await resolveOwner(ctx, ownerCode);
  const row = await ctx.db
    .selectFrom(kind.table)
    .select('data')
    .where('goods_owner_id', '=', owner.id)
    .where(kind.keyColumn, '=', key)
    .executeTakeFirst();
  if (!row) throw notFound(`${kind.label} ${key} of goods owner ${ownerCode}`);
  return JSON.parse(row.data) as z.output<S>;
}

export async function listDocuments<S extends z.ZodType>(
  ctx: WmsContext,
  kind: DocumentKind<S>,
  ownerCode: string,
  options: ListOptions = {},
): Promise<Page<z.output<S>>> {
  const owner = await resolveOwner(ctx, ownerCode);
  const limit = clampLimit(options.limit);
  let query = ctx.db
    .selectFrom(kind.table)
    .select([kind.keyColumn, 'data'] as const)
    .where('goods_owner_id', '=', owner.id)
    .orderBy(kind.keyColumn)
    .limit(limit + 1);
  if (options.after !== undefined) query = query.where(kind.keyColumn, '>', options.after);
  const rows = (await query.execute()) as { data: string }[];
  const items = rows.slice(0, limit).map((r) => JSON.parse(r.data) as z.output<S>);
  return rows.length > limit ? { items, next: kind.key(items[items.length - 1]!) } : { items };
}
