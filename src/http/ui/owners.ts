import type { Context } from 'hono';
import { mayAccess } from '../../access/users.js';
import type { GoodsOwner } from '../../domain/index.js';
import type { EmbeddedWms } from '../../wms/port.js';
import { principalOf } from '../access.js';

/** The goods owners the signed-in user may see: all for an administrator, its own for a goods-owner user. */
export async function visibleGoodsOwners(c: Context, wms: EmbeddedWms): Promise<GoodsOwner[]> {
  const principal = principalOf(c);
  return (await wms.listGoodsOwners()).filter((o) => mayAccess(principal, o.code));
}
