import type { Article, OrderInput, PurchaseOrderInput } from '../../domain/index.js';
import type { PostArticle, PostOrder, PostPurchaseOrder } from './api.js';

/** Leaves out keys whose value is undefined: Ongoing's v57 schema takes declared keys only, and an empty one is noise. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The stable `rowNumber` of each line (§1 "Row numbers", §7.5): the source's line id when every
 * line has a distinct one, so a line keeps its row when the source reorders or drops lines;
 * else the line's place (1, 2, 3…), which is what the source gives when it has no ids.
 */
export function rowNumbers(lines: { externalOrderLineId?: string | undefined; externalOrderLineCode?: string | undefined }[]): string[] {
  for (const key of ['externalOrderLineId', 'externalOrderLineCode'] as const) {
    const ids = lines.map((l) => l[key]);
    if (ids.every((id): id is string => id !== undefined && id !== '') && new Set(ids).size === ids.length) return ids;
  }
  return lines.map((_, i) => String(i + 1));
}

export function toPostArticle(goodsOwnerId: number, a: Article): PostArticle {
  return defined({
    goodsOwnerId,
    articleNumber: a.articleNumber,
    articleName: a.articleName,
    productCode: a.productCode,
    unitCode: a.unitCode,
    description: a.articleDescription,
    isActive: a.isActive,
    supplierInfo: a.mainSupplier || a.supplierArticleNumber ? defined({ supplierNumber: a.mainSupplier, supplierArticleNumber: a.supplierArticleNumber }) : undefined,
    barCodeInfo: a.barCode ? { barCode: a.barCode } : undefined,
    weight: a.weight,
    netWeight: a.netWeight,
    volume: a.volume,
    purchasePrice: a.purchasePrice,
    // The canonical `price` is the sales price; Ongoing's article has only customerPrice for it.
    customerPrice: a.customerPrice ?? a.price,
    purcaseCurrencyCode: a.purchaseCurrencyCode,
    countryOfOriginCode: a.countryOfOriginCode,
    statisticsNumber: a.statisticsNumber,
    articleGroup: a.articleGroup ? { code: a.articleGroup, name: a.articleGroup } : undefined,
    articleNameTranslations: a.alternativeNames?.map((n) => ({ languageCode: n.language, articleName: n.name })),
    freeValues: a.articleFreeDecimal2 !== undefined ? { freeDecimal2: a.articleFreeDecimal2 } : undefined,
  });
}

const notification = (value: string | undefined, wanted: boolean | undefined) => (value ? { toBeNotified: wanted ?? true, value } : undefined);

/** The full order, every time: Ongoing treats a PUT as a replacement (§7.5). */
export function toPostOrder(goodsOwnerId: number, o: OrderInput, today: string): PostOrder {
  const info = o.orderInfo;
  const c = o.customer ?? {};
  const rows = rowNumbers(o.orderLines);
  return defined({
    goodsOwnerId,
    orderNumber: info.goodsOwnerOrderNumber,
    // Required by Ongoing; a source without one means "as soon as possible".
    deliveryDate: info.deliveryDate ?? today,
    consignee: defined({
      // The consignee is stored as a WMS customer keyed by this number (§3.2): never share one between people.
      customerNumber: c.customerNumber ?? c.externalCustomerCode ?? `order-${info.goodsOwnerOrderNumber}`,
      name: c.name,
      address1: c.address,
      address2: c.address2,
      address3: c.address3,
      postCode: c.postCode,
      city: c.city,
      countryCode: c.countryCode?.toUpperCase(),
      countryStateCode: c.countryStateCode,
      organisationNumber: c.organisationNumber,
      vatNumber: c.vatNumber,
    }),
    goodsOwnerOrderId: info.goodsOwnerOrderId,
    referenceNumber: info.referenceNumber,
    salesCode: info.salesCode,
    orderRemark: info.orderRemark,
    deliveryInstruction: info.deliveryInstruction,
    consigneeOrderNumber: info.consigneeOrderNumber,
    preparedTransportDocumentId: info.preparedTransportDocumentId,
    languageCode: info.language,
    freeText1: info.freeText1,
    servicePointCode: info.servicePointCode,
    transporterBulkId: info.transporterBulkId,
    customerPrice: info.customerPrice,
    wayOfDelivery: info.wayOfDeliveryType?.code
      ? defined({ code: info.wayOfDeliveryType.code, name: info.wayOfDeliveryType.name })
      : info.wayOfDelivery
        ? { code: info.wayOfDelivery, name: info.wayOfDelivery }
        : undefined,
    emailNotification: notification(c.email, c.notifyByEmail),
    smsNotification: notification(info.orderNotification?.mobilePhone ?? c.mobilePhone, info.orderNotification?.notifyBySms ?? c.notifyBySms),
    telephoneNotification: notification(c.telephone, undefined),
    customsInfo: info.customsCurrencyCode ? { customsValueCurrencyCode: info.customsCurrencyCode } : undefined,
    marketPlace: info.marketplace ? { marketPlace: info.marketplace } : undefined,
    orderLines: o.orderLines.map((l, i) =>
      defined({
        rowNumber: rows[i]!,
        articleNumber: l.articleNumber,
        numberOfItems: l.numberOfItems,
        externalId: l.externalOrderLineId ?? l.externalOrderLineCode,
        comment: l.orderLineComment,
        lineTotalCustomsValue: l.totalCustomsValue,
        prices:
          l.linePrice !== undefined || l.customerLinePrice !== undefined || l.discount !== undefined
            ? defined({ linePrice: l.linePrice, customerLinePrice: l.customerLinePrice, currencyCode: l.currencyCode, discountPercentage: l.discount })
            : undefined,
      }),
    ),
  });
}

export function toPostPurchaseOrder(goodsOwnerId: number, p: PurchaseOrderInput): PostPurchaseOrder {
  const info = p.inOrderInfo;
  const s = p.supplier;
  const rows = rowNumbers(p.inOrderLines);
  return defined({
    goodsOwnerId,
    purchaseOrderNumber: info.goodsOwnerOrderNumber,
    referenceNumber: info.referenceNumber,
    inDate: info.inDate ?? info.deliveryDate,
    purchaseOrderRemark: info.orderRemark,
    supplierInfo: s
      ? defined({
          supplierNumber: s.supplierNumber,
          supplierName: s.supplierName,
          supplierAddress: defined({ name: s.supplierName, address: s.address, address2: s.address2, address3: s.address3, postCode: s.postCode, city: s.city, countryCode: s.countryCode }),
        })
      : undefined,
    // orderDate lives under advanced; there is no top-level orderDate (§6.1).
    advanced: info.orderDate ? { orderDate: info.orderDate } : undefined,
    purchaseOrderLines: p.inOrderLines.map((l, i) =>
      defined({ rowNumber: rows[i]!, articleNumber: l.articleNumber, numberOfItems: l.numberOfItems, externalOrderLineId: l.externalOrderLineId ?? l.externalOrderLineCode, rowPrice: l.rowPrice }),
    ),
  });
}
