import type { Context } from 'hono';
import { mayAccess } from '../../access/users.js';
import type { GoodsOwner } from '../../domain/index.js';
import { notFound } from '../../kernel/errors.js';
import type { WmsPort } from '../../wms/port.js';
import { principalOf } from '../access.js';

/** The goods owners the signed-in user may see: all for an administrator, its own for a goods-owner user. */
export async function visibleGoodsOwners(c: Context, wms: WmsPort): Promise<GoodsOwner[]> {
  const principal = principalOf(c);
  return (await wms.listGoodsOwners()).filter((o) => mayAccess(principal, o.code));
}

/**
 * Refuses a record of another goods owner as "WHAT not found", naming the record the user asked
 * for: a page must not even tell whose integration or run it was.
 */
export function requireOwnRecord(c: Context, goodsOwner: string, what: string): void {
  if (!mayAccess(principalOf(c), goodsOwner)) throw notFound(what);
}
