import { defaultStatusRules, goodsOwnerInputSchema, parseRecord, statusRulesSchema } from '../../domain/index.js';
import type { GoodsOwner, GoodsOwnerInput } from '../../domain/index.js';
import { conflict, notFound } from '../../kernel/errors.js';
import type { Tx, WmsContext } from './context.js';

interface GoodsOwnerRow {
  id: number;
  code: string;
  name: string;
  status_rules: string;
  created_at: string;
}

export type ResolvedOwner = GoodsOwner & { id: number };

/**
 * Parsed status rules by their stored text: every write reads its owner and the rules rarely
 * change. One frozen object is shared by all readers, so a reader cannot change another's.
 */
const parsedRules = new Map<string, ReturnType<typeof statusRulesSchema.parse>>();
const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object') for (const v of Object.values(Object.freeze(value))) deepFreeze(v);
  return value;
};
const statusRulesOf = (text: string) => {
  let rules = parsedRules.get(text);
  if (!rules) parsedRules.set(text, (rules = deepFreeze(statusRulesSchema.parse(JSON.parse(text)))));
  return rules;
};

const toGoodsOwner = (row: GoodsOwnerRow): ResolvedOwner => ({
  id: row.id,
  code: row.code,
  name: row.name,
  statusRules: statusRulesOf(row.status_rules),
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

/** Finds a goods owner by code, inside a transaction when one is given. */
export async function resolveOwner(ctx: WmsContext, code: string, tx?: Tx): Promise<ResolvedOwner> {
  const row = await (tx ?? ctx.db).selectFrom('goods_owners').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) throw notFound(`goods owner ${code}`);
  return toGoodsOwner(row);
}

export function publicOwner({ id: _id, ...owner }: ResolvedOwner): GoodsOwner {
  return owner;
}
