import { z } from 'zod';

/**
 * What the simulator takes in a PUT: the declared keys of the v57 models (§3.1, §4.1, §6.1),
 * strictly, since the real schema is additionalProperties: false. Nested objects the simulator
 * only stores are taken as they come.
 */
const loose = z.record(z.string(), z.unknown());
const text = z.string();
const num = z.number();

export const postArticleSchema = z.strictObject({
  goodsOwnerId: z.number().int(),
  articleNumber: z.string().min(1),
  articleName: text.optional(),
  productCode: text.optional(),
  unitCode: text.optional(),
  description: text.optional(),
  isActive: z.boolean().optional(),
  isStockArticle: z.boolean().optional(),
  supplierInfo: loose.optional(),
  barCodeInfo: loose.optional(),
  weight: num.optional(),
  netWeight: num.optional(),
  volume: num.optional(),
  purchasePrice: num.optional(),
  customerPrice: num.optional(),
  purcaseCurrencyCode: text.optional(),
  countryOfOriginCode: text.optional(),
  statisticsNumber: text.optional(),
  articleGroup: loose.optional(),
  articleNameTranslations: z.array(loose).optional(),
  freeValues: loose.optional(),
});

export const postOrderSchema = z.strictObject({
  goodsOwnerId: z.number().int(),
  orderNumber: z.string().min(1),
  deliveryDate: z.string().min(1),
  consignee: loose,
  goodsOwnerOrderId: text.optional(),
  referenceNumber: text.optional(),
  salesCode: text.optional(),
  orderRemark: text.optional(),
  deliveryInstruction: text.optional(),
  consigneeOrderNumber: text.optional(),
  preparedTransportDocumentId: text.optional(),
  languageCode: text.optional(),
  freeText1: text.optional(),
  servicePointCode: text.optional(),
  transporterBulkId: text.optional(),
  customerPrice: num.optional(),
  wayOfDelivery: loose.optional(),
  emailNotification: loose.optional(),
  smsNotification: loose.optional(),
  telephoneNotification: loose.optional(),
  customsInfo: loose.optional(),
  marketPlace: loose.optional(),
  orderLines: z.array(
    z.strictObject({
      rowNumber: z.string().min(1),
      articleNumber: z.string().min(1),
      numberOfItems: num,
      externalId: text.optional(),
      comment: text.optional(),
      lineTotalCustomsValue: num.optional(),
      prices: loose.optional(),
    }),
  ),
});

export const postPurchaseOrderSchema = z.strictObject({
  goodsOwnerId: z.number().int(),
  purchaseOrderNumber: z.string().min(1),
  referenceNumber: text.optional(),
  inDate: text.optional(),
  purchaseOrderRemark: text.optional(),
  supplierInfo: loose.optional(),
  advanced: loose.optional(),
  purchaseOrderLines: z.array(
    z.strictObject({
      rowNumber: z.string().min(1),
      articleNumber: z.string().min(1),
      numberOfItems: num,
      externalOrderLineId: text.optional(),
      rowPrice: num.optional(),
    }),
  ),
});
