import { defaultStatusRules, goodsOwnerInputSchema, parseRecord, statusRulesSchema } from '../../domain/index.js';
import type { GoodsOwner, GoodsOwnerInput, GoodsOwnerRules } from '../../domain/index.js';
import { conflict, notFound } from '../../kernel/errors.js';
import type { Tx, WmsContext } from './context.js';

interface GoodsOwnerRow {
  id: number;
  code: string;
  name: string;
  status_rules: string;
  allow_negative_stock: number;
  created_at: string;
}

export type ResolvedOwner = GoodsOwner & { id: number };

const toGoodsOwner = (row: GoodsOwnerRow): ResolvedOwner => ({
  id: row.id,
  code: row.code,
  name: row.name,
  statusRules: statusRulesSchema.parse(JSON.parse(row.status_rules)),
  allowNegativeStock: Number(row.allow_negative_stock) === 1,
  createdAt: row.created_at,
});

export async function addGoodsOwner(ctx: WmsContext, input: GoodsOwnerInput): Promise<GoodsOwner> {
  const owner = parseRecord(goodsOwnerInputSchema, `goods owner ${input.code ?? ''}`.trim(), input);
  const existing = await ctx.db.selectFrom('goods_owners').select('id').where('code', '=', owner.code).executeTakeFirst();
  if (existing) throw conflict(`goods owner ${owner.code} already exists`);
  const row = await ctx.db
    .insertInto('goods_owners')
    .values({ code: owner.code, name: owner.name, status_rules: JSON.stringify(defaultStatusRules), created_at: ctx.clock.now().toISOString() })
    .returningAll()
    .executeTakeFirstOrThrow();
  return publicOwner(toGoodsOwner(row));
}

export async function listGoodsOwners(ctx: WmsContext): Promise<GoodsOwner[]> {
  const rows = await ctx.db.selectFrom('goods_owners').selectAll().orderBy('code').execute();
  return rows.map((r) => publicOwner(toGoodsOwner(r)));
}

/** Changes a goods owner's warehouse rules; rules not named stay as they are. */
export async function setGoodsOwnerRules(ctx: WmsContext, code: string, rules: GoodsOwnerRules): Promise<GoodsOwner> {
  const owner = await resolveOwner(ctx, code);
  if (rules.allowNegativeStock !== undefined) {
    await ctx.db.updateTable('goods_owners').set({ allow_negative_stock: rules.allowNegativeStock ? 1 : 0 }).where('id', '=', owner.id).execute();
  }
  return publicOwner(await resolveOwner(ctx, code));
}

/** Finds a goods owner by code, inside a transaction when one is given. */
export async function resolveOwner(ctx: WmsContext, code: string, tx?: Tx): Promise<ResolvedOwner> {
  const row = await (tx ?? ctx.db).selectFrom('goods_owners').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) throw notFound(`goods owner ${code}`);
  return toGoodsOwner(row);
}

export function publicOwner({ id: _id, ...owner }: ResolvedOwner): GoodsOwner {
  return owner;
}
