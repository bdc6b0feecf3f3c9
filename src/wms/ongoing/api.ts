import { z } from 'zod';

/**
 * Ongoing's REST v1 wire shapes, as far as the adapter sends or reads them (research note
 * ../shared/research/ongoing-wms-api.md, section in brackets). Reads are loose objects: Ongoing
 * returns many more fields, and an unknown one must not fail a read. Numbers may come as null.
 */

const count = z.number().nullish().transform((n) => n ?? 0);

/** `PUT /articles|orders|purchaseOrders` answer {<id>, message} (§2, [EX] Response.js). */
export const putAnswerSchema = z.looseObject({ message: z.string().nullish() });

/** `inventoryInfo` of GetArticleModel (§5.1); sellable is missing in the 2019 example, so it falls back. */
export const inventoryInfoSchema = z.looseObject({
  numberOfItems: count,
  numberOfBookedItems: count,
  sellableNumberOfItems: z.number().nullish(),
});

/** GetArticleModel (§4.2), the parts read: the key, the system id for paging, the stock. */
export const getArticleSchema = z.looseObject({
  articleSystemId: z.number(),
  articleNumber: z.string(),
  inventoryInfo: inventoryInfoSchema.nullish(),
});
export type GetArticle = z.infer<typeof getArticleSchema>;

/** `orderStatus` / `purchaseOrderStatus` {number, text}: key on the number, the text is localized (§3.4). */
const status = z.looseObject({ number: z.number(), text: z.string().nullish() });

/** GetOrderModel (§3.4). */
export const getOrderSchema = z.looseObject({
  orderInfo: z.looseObject({
    orderId: z.number(),
    orderNumber: z.string(),
    orderStatus: status,
    shippedTime: z.string().nullish(),
    wayBill: z.string().nullish(),
  }),
  orderLines: z.array(
    z.looseObject({
      id: z.number(),
      rowNumber: z.string(),
      article: z.looseObject({ articleNumber: z.string() }),
      externalId: z.string().nullish(),
      orderedNumberOfItems: count,
      pickedNumberOfItems: count,
      reportedNumberOfItems: count,
    }),
  ),
  tracking: z.array(z.looseObject({ waybill: z.string().nullish(), trackingUrl: z.string().nullish() })).nullish(),
  parcels: z.array(z.looseObject({ parcelNumber: z.string().nullish(), isReturnParcel: z.boolean().nullish() })).nullish(),
});
export type GetOrder = z.infer<typeof getOrderSchema>;

/** GetPurchaseOrderModel (§6.1). */
export const getPurchaseOrderSchema = z.looseObject({
  purchaseOrderInfo: z.looseObject({
    purchaseOrderId: z.number(),
    purchaseOrderNumber: z.string(),
    purchaseOrderStatus: status,
  }),
  purchaseOrderLines: z.array(
    z.looseObject({
      id: z.number(),
      rowNumber: z.string(),
      article: z.looseObject({ articleNumber: z.string() }),
      externalOrderLineId: z.string().nullish(),
      advisedNumberOfItems: count,
      receivedNumberOfItems: count,
      reportedNumberOfItems: count,
    }),
  ),
});
export type GetPurchaseOrder = z.infer<typeof getPurchaseOrderSchema>;

/** PostArticleModel (§4.1): only declared keys (the v57 schema is additionalProperties: false). */
export interface PostArticle {
  goodsOwnerId: number;
  articleNumber: string;
  articleName?: string;
  productCode?: string;
  unitCode?: string;
  description?: string;
  isActive?: boolean;
  supplierInfo?: { supplierArticleNumber?: string; supplierNumber?: string; supplierName?: string };
  barCodeInfo?: { barCode?: string };
  weight?: number;
  netWeight?: number;
  volume?: number;
  purchasePrice?: number;
  customerPrice?: number;
  /** sic: the API's spelling; `purchaseCurrencyCode` would not bind (§4.1). */
  purcaseCurrencyCode?: string;
  countryOfOriginCode?: string;
  statisticsNumber?: string;
  articleGroup?: { code: string; name?: string };
  articleNameTranslations?: { languageCode: string; articleName: string }[];
  freeValues?: { freeDecimal2?: number };
}

interface Notification {
  toBeNotified: boolean;
  value: string;
}

/** PostOrderModel (§3.1-3.3). */
export interface PostOrder {
  goodsOwnerId: number;
  orderNumber: string;
  deliveryDate: string;
  consignee: {
    customerNumber?: string;
    name?: string;
    address1?: string;
    address2?: string;
    address3?: string;
    postCode?: string;
    city?: string;
    countryCode?: string;
    countryStateCode?: string;
    organisationNumber?: string;
    vatNumber?: string;
  };
  goodsOwnerOrderId?: string;
  referenceNumber?: string;
  salesCode?: string;
  orderRemark?: string;
  deliveryInstruction?: string;
  consigneeOrderNumber?: string;
  preparedTransportDocumentId?: string;
  languageCode?: string;
  freeText1?: string;
  servicePointCode?: string;
  transporterBulkId?: string;
  customerPrice?: number;
  wayOfDelivery?: { code: string; name?: string };
  emailNotification?: Notification;
  smsNotification?: Notification;
  telephoneNotification?: Notification;
  customsInfo?: { customsValueCurrencyCode: string };
  marketPlace?: { marketPlace: string };
  orderLines: {
    rowNumber: string;
    articleNumber: string;
    numberOfItems: number;
    externalId?: string;
    comment?: string;
    lineTotalCustomsValue?: number;
    prices?: { linePrice?: number; customerLinePrice?: number; currencyCode?: string; discountPercentage?: number };
  }[];
}

/** PostPurchaseOrderModel (§6.1). */
export interface PostPurchaseOrder {
  goodsOwnerId: number;
  purchaseOrderNumber: string;
  referenceNumber?: string;
  inDate?: string;
  purchaseOrderRemark?: string;
  supplierInfo?: {
    supplierNumber?: string;
    supplierName?: string;
    supplierAddress?: { name?: string; address?: string; address2?: string; address3?: string; postCode?: string; city?: string; countryCode?: string };
  };
  advanced?: { orderDate?: string };
  purchaseOrderLines: { rowNumber: string; articleNumber: string; numberOfItems: number; externalOrderLineId?: string; rowPrice?: number }[];
}
