import { mycashflow } from '../../connectors/mycashflow/connector.js';
import { procountor } from '../../connectors/procountor/connector.js';
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
