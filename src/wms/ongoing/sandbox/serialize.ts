import type { OngoingStore, SandboxArticle, SandboxOrder, SandboxPurchaseOrder } from './store.js';
import { orderStatuses, purchaseOrderStatuses } from './store.js';

const statusText = (list: readonly (readonly [number, string])[], n: number) => list.find(([code]) => code === n)?.[1] ?? '';

/** GetArticleModel (§4.2) with inventoryInfo (§5.1): sellable = physical minus what open orders hold. */
export function articleJson(store: OngoingStore, goodsOwner: { id: number; name: string }, a: SandboxArticle) {
  const booked = store.booked(a.body.articleNumber);
  const { goodsOwnerId: _id, ...fields } = a.body;
  return {
    goodsOwner,
    articleSystemId: a.articleSystemId,
    ...fields,
    inventoryInfo: {
      numberOfItems: a.numberOfItems,
      numberOfBookedItems: booked,
      numberOfLockedItems: 0,
      allocatedNumberOfItems: 0,
      sellableNumberOfItems: a.numberOfItems - booked,
    },
  };
}

/** GetOrderModel (§3.4). */
export function orderJson(goodsOwner: { id: number; name: string }, o: SandboxOrder) {
  const { goodsOwnerId: _id, consignee, orderLines: _lines, ...info } = o.body;
  return {
    goodsOwner,
    orderInfo: {
      ...info,
      orderId: o.orderId,
      orderStatus: { number: o.status, text: statusText(orderStatuses, o.status) },
      shippedTime: o.shippedTime?.toISOString() ?? null,
      wayBill: o.wayBill ?? null,
      orderedNumberOfItems: o.lines.reduce((n, l) => n + l.ordered, 0),
      pickedNumberOfItems: o.lines.reduce((n, l) => n + l.picked, 0),
    },
    consignee,
    orderLines: o.lines.map((l) => ({
      id: l.id,
      rowNumber: l.rowNumber,
      article: { articleNumber: l.articleNumber },
      externalId: l.externalId ?? null,
      orderedNumberOfItems: l.ordered,
      pickedNumberOfItems: l.picked,
      // null until reported, as in the example order [EX].
      reportedNumberOfItems: l.reported === 0 ? null : l.reported,
    })),
    tracking: o.tracking.map((t) => ({ waybill: t.waybill, trackingUrl: t.trackingUrl ?? null })),
    parcels: [],
  };
}

/** GetPurchaseOrderModel (§6.1). */
export function purchaseOrderJson(p: SandboxPurchaseOrder) {
  const { goodsOwnerId: _id, purchaseOrderLines: _lines, ...info } = p.body;
  return {
    purchaseOrderInfo: {
      ...info,
      purchaseOrderId: p.purchaseOrderId,
      purchaseOrderStatus: { number: p.status, text: statusText(purchaseOrderStatuses, p.status) },
    },
    purchaseOrderLines: p.lines.map((l) => ({
      id: l.id,
      rowNumber: l.rowNumber,
      article: { articleNumber: l.articleNumber },
      externalOrderLineId: l.externalOrderLineId ?? null,
      advisedNumberOfItems: l.advised,
      receivedNumberOfItems: l.received,
      reportedNumberOfItems: l.reported,
    })),
  };
}
