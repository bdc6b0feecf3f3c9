import { z } from 'zod';
import { countryCode, currencyCode, isoDate, key, money, nonNegative, quantity, text } from './fields.js';

const address = {
  name: text().optional(),
  address: text().optional(),
  address2: text().optional(),
  address3: text().optional(),
  postCode: text(20).optional(),
  city: text(100).optional(),
  countryCode: countryCode.optional(),
  countryStateCode: text(10).optional(),
};

export const orderInfoSchema = z.strictObject({
  /** The seed's "Order number" and "Goods owner order number" are this one field: the order's key. */
  goodsOwnerOrderNumber: key(),
  goodsOwnerOrderId: text(100).optional(),
  consigneeOrderNumber: text(100).optional(),
  deliveryDate: isoDate.optional(),
  freeText1: text().optional(),
  marketplace: text(100).optional(),
  orderNotification: z
    .strictObject({ mobilePhone: text(50).optional(), notifyBySms: z.boolean().optional() })
    .optional(),
  orderRemark: text(4000).optional(),
  preparedTransportDocumentId: text(100).optional(),
  referenceNumber: text(100).optional(),
  salesCode: text(100).optional(),
  servicePointCode: text(100).optional(),
  transporterBulkId: text(100).optional(),
  language: text(10).optional(),
  termsOfPayment: text(100).optional(),
  deliveryInstruction: text(1000).optional(),
  invoiceNumber: text(100).optional(),
  wayOfDelivery: text(100).optional(),
  wayOfDeliveryType: z.strictObject({ code: text(50).optional(), name: text(100).optional() }).optional(),
  customerPrice: money.optional(),
  customsCurrencyCode: text(20).optional(),
});

export const customerSchema = z.strictObject({
  customerNumber: text(100).optional(),
  externalCustomerCode: text(100).optional(),
  ...address,
  email: text(200).optional(),
  mobilePhone: text(50).optional(),
  telephone: text(50).optional(),
  organisationNumber: text(50).optional(),
  vatNumber: text(50).optional(),
  notifyBySms: z.boolean().optional(),
  notifyByEmail: z.boolean().optional(),
  invoiceAddress: z.strictObject(address).optional(),
});

export const orderLineSchema = z.strictObject({
  articleNumber: key(),
  articleName: text().optional(),
  productCode: text(100).optional(),
  numberOfItems: quantity,
  externalOrderLineCode: text(100).optional(),
  externalOrderLineId: text(100).optional(),
  linePrice: money.optional(),
  customerLinePrice: money.optional(),
  currencyCode: currencyCode.optional(),
  discount: money.optional(),
  orderLineComment: text(1000).optional(),
  totalCustomsValue: money.optional(),
});

/** What a source (or a user's `put`) may set on an order; the warehouse sets the rest. */
export const orderInputSchema = z.strictObject({
  orderInfo: orderInfoSchema,
  customer: customerSchema.optional(),
  orderLines: z.array(orderLineSchema).min(1, 'an order needs at least one line'),
});
export type OrderInput = z.infer<typeof orderInputSchema>;
export type OrderLineInput = z.infer<typeof orderLineSchema>;

export const shipmentSchema = z.object({
  waybill: z.string().optional(),
  trackingUrl: z.string().optional(),
  sentAt: z.string(),
});
export type Shipment = z.infer<typeof shipmentSchema>;

export type OrderLine = OrderLineInput & { pickedNumberOfItems?: number; waybill?: string };

/** An order as the WMS holds it: the input plus what the warehouse set. */
export interface Order extends OrderInput {
  orderLines: OrderLine[];
  status: number;
  shipments: Shipment[];
}

/** Picked quantities by 1-based row, as `show` prints the lines. */
export const pickedSchema = z.array(z.strictObject({ row: z.number().int().positive(), quantity: nonNegative }));
