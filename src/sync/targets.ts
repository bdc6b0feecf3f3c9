import { hash } from 'node:crypto';
import type { z } from 'zod';
import { articleSchema, orderInputSchema, purchaseOrderInputSchema, recordJson, supplierSchema } from '../domain/index.js';
import type { UpsertOutcome, WmsPort } from '../wms/port.js';

/** How the engine writes each canonical target through the WMS port. */
interface Target<S extends z.ZodType> {
  schema: S;
  key(record: z.output<S>): string;
  upsert(wms: WmsPort, owner: string, record: z.output<S>): Promise<UpsertOutcome>;
  /** Many records in one call, one outcome each; undefined where the WMS writes only one at a time. */
  upsertMany?(wms: WmsPort, owner: string, records: z.output<S>[]): Promise<UpsertOutcome[] | undefined>;
  cancel?(wms: WmsPort, owner: string, key: string): Promise<UpsertOutcome>;
}

const article: Target<typeof articleSchema> = {
  schema: articleSchema,
  key: (a) => a.articleNumber,
  upsert: (wms, owner, a) => wms.upsertArticle(owner, a),
  upsertMany: async (wms, owner, articles) => wms.upsertArticles?.(owner, articles),
};
const order: Target<typeof orderInputSchema> = {
  schema: orderInputSchema,
  key: (o) => o.orderInfo.goodsOwnerOrderNumber,
  upsert: (wms, owner, o) => wms.upsertOrder(owner, o),
  upsertMany: async (wms, owner, orders) => wms.upsertOrders?.(owner, orders),
  cancel: (wms, owner, key) => wms.cancelOrder(owner, key),
};
const purchaseOrder: Target<typeof purchaseOrderInputSchema> = {
  schema: purchaseOrderInputSchema,
  key: (p) => p.inOrderInfo.goodsOwnerOrderNumber,
  upsert: (wms, owner, p) => wms.upsertPurchaseOrder(owner, p),
  upsertMany: async (wms, owner, purchaseOrders) => wms.upsertPurchaseOrders?.(owner, purchaseOrders),
  cancel: (wms, owner, key) => wms.cancelPurchaseOrder(owner, key),
};
const supplier: Target<typeof supplierSchema> = {
  schema: supplierSchema,
  key: (s) => s.supplierNumber,
  upsert: (wms, owner, s) => wms.upsertSupplier(owner, s),
  upsertMany: async (wms, owner, suppliers) => wms.upsertSuppliers?.(owner, suppliers),
};

export const targets = { article, order, purchaseOrder, supplier } as unknown as Record<
  'article' | 'order' | 'purchaseOrder' | 'supplier',
  Target<z.ZodType<Record<string, unknown>>>
>;

/** A short fingerprint of a canonical record: equal records, equal hashes. */
// crypto.hash in one call: 0.8 µs for a 450-byte record, against 1.9 µs through a Hash object.
export const recordHash = (record: unknown): string => hash('sha256', recordJson(record), 'base64url').slice(0, 22);
