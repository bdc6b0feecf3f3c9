import { statusRulesSchema } from '../../domain/index.js';
import type { GoodsOwner } from '../../domain/index.js';
import { notFound } from '../../kernel/errors.js';
import type { Tx, WmsContext } from './context.js';

interface GoodsOwnerRow {
  id: number;
  code: string;
  name: string;
  status_rules: string;
  created_at: string;
}

export type ResolvedOwner = GoodsOwner & { id: number };

const toGoodsOwner = (row: GoodsOwnerRow): ResolvedOwner => ({
  id: row.id,
  code: row.code,
  name: row.name,
  statusRules: statusRulesSchema.parse(JSON.parse(row.status_rules)),
  createdAt: row.created_at,
});

/** Finds a goods owner by code, inside a transaction when one is given. */
export async function resolveOwner(ctx: WmsContext, code: string, tx?: Tx): Promise<ResolvedOwner> {
  const row = await (tx ?? ctx.db).selectFrom('goods_owners').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) throw notFound(`goods owner ${code}`);
  return toGoodsOwner(row);
}

export function publicOwner({ id: _id, ...owner }: ResolvedOwner): GoodsOwner {
  return owner;
}
