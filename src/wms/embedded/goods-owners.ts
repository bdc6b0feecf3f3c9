import { statusRulesSchema } from '../../domain/index.js';
import type { GoodsOwner } from '../../domain/index.js';
import { conflict, notFound } from '../../kernel/errors.js';
import type { Tx, WmsContext } from './context.js';

interface GoodsOwnerRow {
  id: number;
  code: string;
  name: string;
  status_rules: string;
  allow_negative_stock: number;
  created_at: string;
  wms: string;
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
  allowNegativeStock: Number(row.allow_negative_stock) === 1,
  createdAt: row.created_at,
});

/** Finds a goods owner by code, inside a transaction when one is given. */
export async function resolveOwner(ctx: WmsContext, code: string, tx?: Tx): Promise<ResolvedOwner> {
  const kept = ctx.batch?.owners.get(code);
  if (kept) return kept;
  const row = await (tx ?? ctx.db).selectFrom('goods_owners').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) throw notFound(`goods owner ${code}`);
  // A goods owner on another WMS keeps its records there: writing them here would fork them.
  if (row.wms !== 'embedded') throw conflict(`goods owner ${code} is on the ${row.wms} WMS: its records are there, not in the embedded WMS`);
  const owner = toGoodsOwner(row);
  ctx.batch?.owners.set(code, owner);
  return owner;
}
