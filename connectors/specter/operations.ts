/*
 * Every name of Specter's API that the research notes (../shared/research/specter-mystore-mycashflow-api.md,
 * Specter §1.8) mark a guess [G]: the "V3" operations Ongoing's own integration uses were not found
 * in any public source, so their actions, parameters and field names follow the legacy naming
 * style as a proposal. They live here and only here; the connector and its sandbox both read them,
 * and an integration overrides any of them with the `wireNames` setting
 * (`order.customerReference=customerOrderRef,action.listOrders=getOrderList`) once Specter confirms
 * the real ones. README.md lists them under "to confirm with Specter".
 *
 * Field names are paths into the XML answer: a segment is an element or an attribute of that name
 * (the verified answers use both, e.g. `<article buyPrice="…"><articleNo>…`). The verified names
 * (getInfo.asp/putInfo.asp, the NeedUpdate batch actions, APIresponse, articleNo, name, buyPrice,
 * priceExclVat, barCode, productWeight, order@orderNo, orderstatus@deliveryStatus/@statusId) are
 * in wire.ts, not here.
 */

/** A list inside a record: the path to its items, and the fields of one item. */
export interface ListNames {
  items: string;
  fields: Record<string, string>;
}
export type RecordNames = { [field: string]: string | ListNames | RecordNames };

export const guessedNames = {
  action: {
    listOrders: 'getOrders',
    listPurchases: 'getPurchases',
    readStock: 'getStockSiteStock',
    stockUpdate: 'stockUpdate',
    deliverySubmit: 'deliverySubmit',
    purchaseDeliverySubmit: 'purchaseDeliverySubmit',
  },
  param: {
    deliveryStatus: 'deliveryStatus',
    /** Inclusive [G]: the walk by time asks again from the last change time it saw. */
    changedAfter: 'changedAfter',
    page: 'page',
    orderNo: 'orderNo',
    purchaseNo: 'purchaseNo',
    stockSiteId: 'stockSiteId',
    deliveryDate: 'deliveryDate',
    packetNo: 'packetNo',
    trackingNo: 'trackingNo',
    sendDeliveryMail: 'sendDeliveryMail',
    createInvoice: 'createInvoice',
    /** Row parameters carry the row's number: `rowNo_1`, `noItems_1`, … as newOrderSubmit's rows do [V S3]. */
    rowNo: 'rowNo',
    rowId: 'rowId',
    noItems: 'noItems',
    articleNo: 'articleNo',
    noItemsInStock: 'noItemsInStock',
  },
  /** The article fields S2 does not read; S2's own (articleNo, name, buyPrice, priceExclVat, barCode, productWeight) are verified. */
  article: {
    articleId: 'articleId',
    comment: 'comment',
    articleGroup: 'articleGroup',
    supplierName: 'suppliers.supplier.0.supplierName',
    manufacturingCountryCode: 'manufacturingCountryCode',
    commodityCode: 'commodityCode',
    stockPrice: 'stockPrice',
    vatPercent: 'vatPercent',
    volume: 'productVolume',
  },
  order: {
    customerReference: 'customerOrderReference',
    deliveryDate: 'deliveryDate',
    internalComment: 'internalComment',
    publicComment: 'publishedComment',
    webshopNo: 'externalOrderNo',
    preparedShipmentId: 'preparedShipmentId',
    reference: 'reference',
    agentNo: 'agentNo',
    bulkId: 'bulkId',
    currency: 'currency',
    lastChange: 'lastChange',
    customer: {
      customerId: 'customer.customerId',
      firstName: 'customer.firstName',
      surName: 'customer.surName',
      companyName: 'customer.companyName',
      orgNo: 'customer.orgNo',
      vatNo: 'customer.vatNo',
      phone: 'customer.phoneNo',
      mobilePhone: 'customer.mobileNo',
    },
    deliveryAddress: {
      attention: 'deliveryAddress.attention',
      address: 'deliveryAddress.address',
      address2: 'deliveryAddress.addressRow2',
      address3: 'deliveryAddress.addressRow3',
      zipCode: 'deliveryAddress.zipCode',
      city: 'deliveryAddress.city',
      countryCode: 'deliveryAddress.countryCode',
      notifyMobileNo: 'deliveryAddress.notifyMobileNo',
      notifyByMobile: 'deliveryAddress.notifyByMobile',
    },
    invoiceAddress: {
      attention: 'invoiceAddress.attention',
      address: 'invoiceAddress.address',
      address2: 'invoiceAddress.addressRow2',
      address3: 'invoiceAddress.addressRow3',
      zipCode: 'invoiceAddress.zipCode',
      city: 'invoiceAddress.city',
      countryCode: 'invoiceAddress.countryCode',
    },
    rows: {
      items: 'rows.row',
      fields: {
        rowId: 'rowId',
        rowNo: 'rowNo',
        articleNo: 'articleNo',
        description: 'articleName',
        noItems: 'noItems',
        noItems2: 'noItems2',
        rowSumVat: 'rowSumVat',
        rowSumExclVat: 'rowSumExclVat',
        /** What Specter has delivered of the row: the delivery report's isDone reads it. */
        noItemsDelivered: 'noItemsDelivered',
      },
    },
    deliveries: { items: 'deliveries.delivery', fields: { packetNo: 'packetNo', trackingNo: 'trackingNo' } },
  },
  purchase: {
    purchaseNo: 'purchaseNo',
    orderDate: 'orderDate',
    deliveryOutDate: 'deliveryOutDate',
    lastChange: 'lastChange',
    supplier: {
      supplierNo: 'supplier.supplierNo',
      name: 'supplier.name',
      address: 'supplier.address',
      address2: 'supplier.addressRow2',
      address3: 'supplier.addressRow3',
      postalCode: 'supplier.zipCode',
      city: 'supplier.city',
      countryCode: 'supplier.countryCode',
    },
    rows: {
      items: 'rows.row',
      fields: {
        id: 'rowId',
        number: 'rowNo',
        articleNo: 'articleNo',
        quantity: 'noItems',
        rowSumVat: 'rowSumVat',
        rowSumExclVat: 'rowSumExclVat',
        /** What Specter has received of the row: the receipt report's isDone reads it. */
        noItemsDelivered: 'noItemsDelivered',
      },
    },
  },
  /** The stock site's stock, in the verified stock-change shape with a physical figure [G]. */
  stock: { items: 'stock.articles.article', fields: { articleNo: 'articleNo', physical: 'noItemsInStock' } },
  /** Elements of the list answers, as the verified feeds name theirs (`<articles><article>`, `<orders><order>`). */
  list: { orders: 'orders.order', purchases: 'purchases.purchase' },
  /** The signing seed of each guessed write [G S1.3]: the parameter whose value the key is made with. */
  seed: { listOrders: 'changedAfter', listPurchases: 'changedAfter', readStock: 'stockSiteId', stockUpdate: 'articleNo_1', deliverySubmit: 'orderNo', purchaseDeliverySubmit: 'purchaseNo' },
  /** Codes of the error envelope [G]: only 99 (an open batch) is verified; these say the key or the user is wrong. */
  errorCode: { wrongKey: '2' },
};

export type WireNames = typeof guessedNames;

/** Every overridable name as `group.field…=value`, e.g. `order.customer.firstName`. */
export function nameKeys(names: object = guessedNames, prefix = ''): string[] {
  return Object.entries(names).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : nameKeys(value as object, `${prefix}${key}.`),
  );
}

/** The guessed names with an integration's overrides (`wireNames`, whose keys its setting has checked against `nameKeys`). */
export function resolveNames(overrides: Record<string, string>): WireNames {
  const names = structuredClone(guessedNames);
  for (const [key, value] of Object.entries(overrides)) {
    const segments = key.split('.');
    const last = segments.pop()!;
    const node = segments.reduce<Record<string, unknown>>((at, segment) => at[segment] as Record<string, unknown>, names as unknown as Record<string, unknown>);
    node[last] = value;
  }
  return names;
}
