import type { WmsEvent, WmsEventType } from '../port.js';
import type { WmsContext } from './context.js';

export async function readEvents(ctx: WmsContext, afterId: number, limit: number, types?: WmsEventType[]): Promise<WmsEvent[]> {
  const rows = await ctx.db
    .selectFrom('wms_events')
    .innerJoin('goods_owners', 'goods_owners.id', 'wms_events.goods_owner_id')
    .select(['wms_events.id', 'goods_owners.code', 'wms_events.type', 'wms_events.subject', 'wms_events.payload', 'wms_events.created_at'])
    .where('wms_events.id', '>', afterId)
    .$if(types !== undefined && types.length > 0, (q) => q.where('wms_events.type', 'in', types!))
    .orderBy('wms_events.id')
    .limit(limit)
    .execute();
  return rows.map(
    (r) =>
      ({ id: Number(r.id), goodsOwner: r.code, type: r.type, subject: r.subject, payload: JSON.parse(r.payload), createdAt: r.created_at }) as WmsEvent,
  );
}
