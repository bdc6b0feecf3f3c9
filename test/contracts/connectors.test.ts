import { mycashflow } from '../../connectors/mycashflow/connector.js';
import { mystore } from '../../connectors/mystore/connector.js';
import { procountor } from '../../connectors/procountor/connector.js';
import { specter } from '../../connectors/specter/connector.js';
import { twentyFourSevenOffice } from '../../connectors/24sevenoffice/connector.js';
import { connectorContract } from './connector.js';

/** The WMS side of each seed table row, in the canonical model's paths, transcribed from ../shared/seeds/. */

connectorContract({
  connector: mycashflow,
  malformedKinds: { 'article-import': 'products', 'order-import': 'orders' },
  seedFields: {
    'article-import': ['articleNumber', 'barCode', 'customerPrice', 'articleName', 'alternativeNames[].name', 'price', 'netWeight', 'productCode', 'purchasePrice', 'supplierArticleNumber', 'vatPercent'],
    'order-import': [
      'orderInfo.customerPrice', 'orderInfo.customsCurrencyCode', 'orderInfo.goodsOwnerOrderNumber', 'orderInfo.orderRemark', 'orderInfo.goodsOwnerOrderId', 'orderInfo.wayOfDelivery',
      'customer.address', 'customer.city', 'customer.countryCode', 'customer.email', 'customer.mobilePhone', 'customer.name', 'customer.postCode',
      'orderLines[].externalOrderLineCode', 'orderLines[].linePrice', 'orderLines[].numberOfItems', 'orderLines[].productCode', 'orderLines[].totalCustomsValue',
    ],
  },
  // One payment, not cash on delivery: an order the shop can quick-process.
  reportable: async (control) => String((await control('POST', '/orders', { payment_method_id: 1 })).data.id),
});

connectorContract({
  connector: procountor,
  secrets: { apiKey: 'sandbox-api-key' },
  malformedKinds: { 'article-import': 'products', 'order-import': 'invoices' },
  seedFields: {
    'article-import': ['articleNumber', 'articleName', 'unitCode', 'price', 'isActive', 'purchaseCurrencyCode'],
    'order-import': [
      'orderInfo.goodsOwnerOrderId', 'orderInfo.goodsOwnerOrderNumber', 'orderInfo.language', 'orderInfo.termsOfPayment', 'orderInfo.orderRemark', 'orderInfo.deliveryInstruction',
      'orderInfo.referenceNumber', 'orderInfo.invoiceNumber', 'customer.name', 'customer.address', 'customer.postCode', 'customer.city', 'customer.countryCode', 'customer.email',
      'orderLines[].articleNumber', 'orderLines[].articleName', 'orderLines[].productCode', 'orderLines[].discount', 'orderLines[].externalOrderLineId', 'orderLines[].numberOfItems',
    ],
    'purchase-order-import': [
      'inOrderInfo.goodsOwnerOrderNumber', 'inOrderInfo.orderRemark', 'inOrderInfo.referenceNumber', 'inOrderInfo.wayOfDelivery',
      'inOrderLines[].articleNumber', 'inOrderLines[].articleName', 'inOrderLines[].productCode', 'inOrderLines[].externalOrderLineId', 'inOrderLines[].numberOfItems',
      'supplier.supplierName', 'supplier.supplierNumber', 'supplier.email',
    ],
  },
  reportable: async (control) => String((await control('POST', '/invoices', { type: 'SALES_ORDER', status: 'UNFINISHED' })).id),
});

connectorContract({
  connector: specter,
  malformedKinds: { 'order-import': 'orders', 'purchase-order-import': 'purchases' },
  seedFields: {
    'article-import': [
      'articleName', 'articleDescription', 'articleNumber', 'productCode', 'articleGroup', 'barCode', 'mainSupplier', 'countryOfOriginCode', 'statisticsNumber',
      'purchasePrice', 'customerPrice', 'price', 'vatCode', 'volume', 'weight',
    ],
    'order-import': [
      'orderInfo.consigneeOrderNumber', 'orderInfo.deliveryDate', 'orderInfo.freeText1', 'orderInfo.goodsOwnerOrderNumber', 'orderInfo.marketplace',
      'orderInfo.orderNotification.mobilePhone', 'orderInfo.orderNotification.notifyBySms', 'orderInfo.orderRemark', 'orderInfo.preparedTransportDocumentId',
      'orderInfo.referenceNumber', 'orderInfo.salesCode', 'orderInfo.servicePointCode', 'orderInfo.transporterBulkId',
      'customer.address', 'customer.address2', 'customer.address3', 'customer.city', 'customer.countryCode', 'customer.customerNumber', 'customer.externalCustomerCode',
      'customer.invoiceAddress.address', 'customer.invoiceAddress.address2', 'customer.invoiceAddress.address3', 'customer.invoiceAddress.postCode',
      'customer.invoiceAddress.city', 'customer.invoiceAddress.countryCode', 'customer.mobilePhone', 'customer.name', 'customer.organisationNumber',
      'customer.postCode', 'customer.telephone', 'customer.vatNumber',
      'orderLines[].articleNumber', 'orderLines[].currencyCode', 'orderLines[].externalOrderLineCode', 'orderLines[].externalOrderLineId',
      'orderLines[].linePrice', 'orderLines[].numberOfItems', 'orderLines[].orderLineComment',
    ],
    'purchase-order-import': [
      'inOrderInfo.goodsOwnerOrderNumber', 'inOrderInfo.inDate', 'inOrderInfo.orderDate',
      'supplier.address', 'supplier.address2', 'supplier.address3', 'supplier.city', 'supplier.countryCode', 'supplier.postCode', 'supplier.supplierName',
      'inOrderLines[].articleNumber', 'inOrderLines[].externalOrderLineId', 'inOrderLines[].externalOrderLineCode', 'inOrderLines[].numberOfItems', 'inOrderLines[].rowPrice',
    ],
    'delivery-report': [
      'orderInfo.goodsOwnerOrderNumber', 'shipment.sentAt', 'orderLines[].pickedNumberOfItems', 'orderLines[].externalOrderLineCode', 'orderLines[].waybill', 'options.sendDeliveryEmail',
    ],
    'receipt-report': [
      'inOrderInfo.goodsOwnerOrderNumber', 'report.date', 'inOrderLines[].receivedNumberOfItems', 'inOrderLines[].externalOrderLineId', 'options.sendPurchaseDeliveryEmail',
    ],
  },
  reportable: async (control) => String((await control('POST', '/orders')).orderNo),
});

connectorContract({
  connector: twentyFourSevenOffice,
  malformedKinds: { 'article-import': 'products', 'order-import': 'invoices' },
  seedFields: {
    'article-import': ['productCode', 'articleNumber', 'articleName', 'articleDescription', 'barCode', 'weight'],
    'order-import': [
      'orderInfo.goodsOwnerOrderNumber', 'orderInfo.deliveryDate', 'orderInfo.referenceNumber', 'orderInfo.salesCode', 'orderInfo.wayOfDelivery',
      'orderInfo.wayOfDeliveryType.code', 'orderInfo.wayOfDeliveryType.name', 'orderInfo.orderRemark', 'customer.customerNumber', 'customer.name',
      'customer.address', 'customer.postCode', 'customer.city', 'customer.countryCode', 'customer.countryStateCode', 'customer.mobilePhone',
      'customer.telephone', 'customer.email', 'customer.invoiceAddress.name', 'customer.invoiceAddress.address', 'customer.invoiceAddress.postCode',
      'customer.invoiceAddress.city', 'customer.invoiceAddress.countryCode', 'customer.invoiceAddress.countryStateCode',
      'orderLines[].productCode', 'orderLines[].externalOrderLineCode', 'orderLines[].numberOfItems',
    ],
    'supplier-import': ['supplierNumber', 'supplierName', 'address', 'postCode', 'city', 'countryCode'],
  },
  // A confirmed order the delivery report can set to Sent.
  reportable: async (control) => String((await control('POST', '/orders', { OrderStatus: 'Confirmed' })).OrderId),
});

connectorContract({
  connector: mystore,
  malformedKinds: { 'article-import': 'products', 'order-import': 'orders' },
  seedFields: {
    'article-import': ['articleFreeDecimal2', 'articleNumber', 'barCode', 'customerPrice', 'articleName', 'price', 'productCode', 'purchasePrice', 'weight'],
    'order-import': [
      'orderInfo.customerPrice', 'orderInfo.deliveryDate', 'orderInfo.goodsOwnerOrderNumber', 'orderInfo.referenceNumber', 'orderInfo.wayOfDelivery',
      'customer.address', 'customer.city', 'customer.countryStateCode', 'customer.countryCode', 'customer.email', 'customer.mobilePhone', 'customer.name',
      'customer.notifyBySms', 'customer.notifyByEmail', 'customer.postCode',
      'orderLines[].articleName', 'orderLines[].articleNumber', 'orderLines[].customerLinePrice', 'orderLines[].externalOrderLineCode',
      'orderLines[].linePrice', 'orderLines[].numberOfItems', 'orderLines[].productCode',
    ],
    'delivery-report': ['status', 'shipment.waybill'],
  },
  // A new order, status "Ny": the delivery report can mark it "Levert".
  reportable: async (control) => String((await control('POST', '/orders')).data.id),
});
