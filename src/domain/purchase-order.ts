import { z } from 'zod';
import { isoDate, key, money, nonNegative, quantity, text } from './fields.js';
import { supplierFields } from './supplier.js';

export const inOrderLineSchema = z.strictObject({
  articleNumber: key(),
  articleName: text().optional(),
  productCode: text(100).optional(),
  numberOfItems: quantity,
  externalOrderLineCode: text(100).optional(),
  externalOrderLineId: text(100).optional(),
  rowPrice: money.optional(),
});

export const purchaseOrderInputSchema = z.strictObject({
  inOrderInfo: z.strictObject({
    goodsOwnerOrderNumber: key(),
    inDate: isoDate.optional(),
    orderDate: isoDate.optional(),
    orderRemark: text(4000).optional(),
    referenceNumber: text(100).optional(),
    wayOfDelivery: text(100).optional(),
    deliveryDate: isoDate.optional(),
  }),
  supplier: z.strictObject({ supplierNumber: text(100).optional(), ...supplierFields }).optional(),
  inOrderLines: z.array(inOrderLineSchema).min(1, 'a purchase order needs at least one line'),
});
export type PurchaseOrderInput = z.infer<typeof purchaseOrderInputSchema>;
export type InOrderLine = z.infer<typeof inOrderLineSchema> & { receivedNumberOfItems?: number };

export interface PurchaseOrder extends PurchaseOrderInput {
  inOrderLines: InOrderLine[];
  status: number;
}

/** Received quantities by 1-based row. */
export const receivedSchema = z.array(z.strictObject({ row: z.number().int().positive(), quantity: nonNegative }));
