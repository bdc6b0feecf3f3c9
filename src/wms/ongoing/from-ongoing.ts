import { createHash } from 'node:crypto';
import type { StockBalance } from '../../domain/index.js';
import type { OrderShippedEvent, PurchaseOrderReceivedEvent, WmsEvent } from '../port.js';
import type { GetArticle, GetOrder, GetPurchaseOrder } from './api.js';

/**
 * An event's id: the same for the same warehouse state (order, and picked or received per line),
 * so polling an unacknowledged order again yields the same event and the hub's outbox keeps one
 * report of it; a later partial shipment changes the quantities and so makes a new event. 48 bits
 * of a SHA-256, a safe integer for the outbox's event_id.
 */
export function eventId(goodsOwner: string, kind: string, id: number, quantities: number[]): number {
  const digest = createHash('sha256').update(`${goodsOwner}|${kind}|${id}|${quantities.join(',')}`).digest();
  return digest.readUIntBE(0, 6);
}

/** The line id of the source: Ongoing has one field for it; the canonical model two names (the seeds fill one or the other). */
const lineIds = (id: string | null | undefined) => (id ? { externalOrderLineId: id, externalOrderLineCode: id } : {});

/**
 * The tracking number (§3.4 "Tracking fields"): `tracking[].waybill`, then `orderInfo.wayBill`,
 * then a non-return parcel's number. `parcels[].tracking` has no waybill in v57.
 */
function waybillOf(order: GetOrder): { waybill?: string; trackingUrl?: string } {
  const tracked = order.tracking?.find((t) => t.waybill);
  if (tracked?.waybill) return { waybill: tracked.waybill, ...(tracked.trackingUrl ? { trackingUrl: tracked.trackingUrl } : {}) };
  if (order.orderInfo.wayBill) return { waybill: order.orderInfo.wayBill };
  const parcel = order.parcels?.find((p) => !p.isReturnParcel && p.parcelNumber);
  return parcel?.parcelNumber ? { waybill: parcel.parcelNumber } : {};
}

export function orderShipped(goodsOwner: string, order: GetOrder, now: Date): WmsEvent {
  const payload: OrderShippedEvent = {
    orderNumber: order.orderInfo.orderNumber,
    status: order.orderInfo.orderStatus.number,
    shipment: { ...waybillOf(order), sentAt: order.orderInfo.shippedTime ?? now.toISOString() },
    lines: order.orderLines.map((l, i) => ({
      row: i + 1,
      rowNumber: l.rowNumber,
      articleNumber: l.article.articleNumber,
      ...lineIds(l.externalId),
      numberOfItems: l.orderedNumberOfItems,
      pickedNumberOfItems: l.pickedNumberOfItems,
    })),
  };
  return {
    id: eventId(goodsOwner, 'order', order.orderInfo.orderId, order.orderLines.map((l) => l.pickedNumberOfItems)),
    goodsOwner,
    type: 'order.shipped',
    subject: payload.orderNumber,
    payload,
    createdAt: now.toISOString(),
  };
}

/** A receipt: what arrived since the last acknowledged report (received − reported) per line, and the totals. */
export function purchaseOrderReceived(goodsOwner: string, po: GetPurchaseOrder, now: Date): WmsEvent {
  const payload: PurchaseOrderReceivedEvent = {
    orderNumber: po.purchaseOrderInfo.purchaseOrderNumber,
    status: po.purchaseOrderInfo.purchaseOrderStatus.number,
    lines: po.purchaseOrderLines.map((l, i) => ({
      row: i + 1,
      rowNumber: l.rowNumber,
      articleNumber: l.article.articleNumber,
      ...lineIds(l.externalOrderLineId),
      numberOfItems: l.advisedNumberOfItems,
      receivedNumberOfItems: l.receivedNumberOfItems,
      receivedNow: l.receivedNumberOfItems - l.reportedNumberOfItems,
    })),
  };
  return {
    id: eventId(goodsOwner, 'purchaseOrder', po.purchaseOrderInfo.purchaseOrderId, po.purchaseOrderLines.map((l) => l.receivedNumberOfItems)),
    goodsOwner,
    type: 'purchase-order.received',
    subject: payload.orderNumber,
    payload,
    createdAt: now.toISOString(),
  };
}

/** Stock from `inventoryInfo` (§5.1): physical = numberOfItems; available = sellable (net of every open order), else physical − booked. */
export function stockOf(article: GetArticle): StockBalance {
  const info = article.inventoryInfo;
  const physical = info?.numberOfItems ?? 0;
  const available = info?.sellableNumberOfItems ?? physical - (info?.numberOfBookedItems ?? 0);
  return { articleNumber: article.articleNumber, physical, available };
}
