import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApiContext } from '../../src/connectors/sdk/index.js';
import { runCli, spawnCli } from '../../test/support/cli.js';
import { startHub } from '../../test/ui/hub.js';
import type { RunningHub } from '../../test/ui/hub.js';
import { openTestStore } from '../../test/support/stores.js';
import type { TestStore } from '../../test/support/stores.js';
import type { TwentyFourSevenApi } from './client.js';
import { twentyFourSevenOffice } from './connector.js';
import { signal } from './fixtures/in-process-api.js';

/** The surfaces a person meets: `connectors describe`, `wmsync sandbox 24sevenoffice`, and the hub's own sandbox. */
describe('24SevenOffice on the CLI and the hub', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => store?.drop());

  it('describes every seed row and the settings of "Default settings and considerations" with their defaults', async () => {
    const result = await runCli(store, '--json', 'connectors', 'describe', '24sevenoffice');
    expect(result.code).toBe(0);
    const d = result.json();
    expect(d.flows.map((f: { flow: string; enabledByDefault: boolean }) => [f.flow, f.enabledByDefault])).toEqual([
      ['article-import', true], ['order-import', true], ['supplier-import', false], ['stock-export', true], ['delivery-report', true],
    ]);
    const rows = (flow: string) => Object.fromEntries(d.flows.find((f: { flow: string }) => f.flow === flow).mapping.map((r: { wms: string; from?: string; to?: string }) => [r.wms, r.from ?? r.to]));
    expect(rows('article-import')).toEqual({
      productCode: 'Product ⇒ Id', articleNumber: 'Product ⇒ No', articleName: 'Product ⇒ Name', articleDescription: 'Product ⇒ Description', barCode: 'Product ⇒ EAN1', weight: 'Product ⇒ Weight',
    });
    expect(rows('order-import')).toMatchObject({
      'orderInfo.goodsOwnerOrderNumber': 'InvoiceOrder ⇒ OrderId', 'orderInfo.deliveryDate': 'InvoiceOrder ⇒ DeliveryDate', 'orderInfo.referenceNumber': 'InvoiceOrder ⇒ ReferenceNumber',
      'orderInfo.salesCode': 'InvoiceOrder ⇒ YourReference', 'orderInfo.wayOfDelivery': 'InvoiceOrder ⇒ DeliveryMethod ⇒ Description', 'orderInfo.wayOfDeliveryType.code': 'InvoiceOrder ⇒ DeliveryMethod ⇒ Id',
      'orderInfo.wayOfDeliveryType.name': 'InvoiceOrder ⇒ DeliveryMethod ⇒ Description', 'orderInfo.orderRemark': 'InvoiceOrder ⇒ InvoiceTitle', 'customer.customerNumber': 'InvoiceOrder ⇒ CustomerId',
      'customer.name': 'InvoiceOrder ⇒ CustomerDeliveryName', 'customer.address': 'deliveryAddress ⇒ Street', 'customer.postCode': 'deliveryAddress ⇒ PostalCode', 'customer.city': 'deliveryAddress ⇒ PostalArea',
      'customer.countryCode': 'deliveryAddress ⇒ Country (as an ISO country code)', 'customer.countryStateCode': 'deliveryAddress ⇒ State',
      'customer.mobilePhone': expect.stringContaining('InvoiceOrder ⇒ CustomerDeliveryPhone or CompanyService ⇒ PhoneNumbers'),
      'customer.telephone': expect.stringContaining('InvoiceOrder ⇒ CustomerDeliveryPhone or CompanyService ⇒ PhoneNumbers'),
      'customer.email': expect.stringContaining('InvoiceOrder ⇒ InvoiceEmailAddress or CompanyService ⇒ EmailAddresses'),
      'customer.invoiceAddress.name': 'InvoiceOrder ⇒ CustomerName', 'customer.invoiceAddress.address': 'invoiceAddress ⇒ Street', 'customer.invoiceAddress.postCode': 'invoiceAddress ⇒ PostalCode',
      'customer.invoiceAddress.city': 'invoiceAddress ⇒ PostalArea', 'customer.invoiceAddress.countryCode': 'invoiceAddress ⇒ Country (as an ISO country code)', 'customer.invoiceAddress.countryStateCode': 'invoiceAddress ⇒ State',
      'orderLines[].productCode': 'InvoiceRow ⇒ ProductId', 'orderLines[].externalOrderLineCode': 'InvoiceRow ⇒ RowId', 'orderLines[].numberOfItems': 'InvoiceRow ⇒ Quantity',
    });
    expect(rows('supplier-import')).toEqual({
      supplierNumber: 'Company ⇒ Id', supplierName: 'Company ⇒ Name', address: 'Company ⇒ Addresses ⇒ Post ⇒ Street', postCode: 'Company ⇒ Addresses ⇒ Post ⇒ PostalCode',
      city: 'Company ⇒ Addresses ⇒ Post ⇒ City', countryCode: 'Company ⇒ Addresses ⇒ Post ⇒ Country (as an ISO country code)',
    });
    expect(rows('stock-export')).toEqual({ 'stock.physical': 'Product ⇒ Stock (SetStockQuantity)' });
    const defaults = Object.fromEntries(d.settings.map((s: { key: string; default?: unknown }) => [s.key, s.default]));
    // The seed's list, in its order: interval 15 (the connector's), variations no, status Confirmed, notify yes, when Sent, to Sent, no status on import, extra fields.
    // (describe shows no interval default of its own: the connector's defaultIntervalMinutes is the seed's 15.)
    expect(twentyFourSevenOffice.defaultIntervalMinutes).toBe(15);
    expect(d.settings).toContainEqual(expect.objectContaining({ key: 'intervalMinutes' }));
    expect(defaults).toMatchObject({
      variations: false, orderStatus: 'Confirmed', notifyFulfilledOrders: true, reportOn: 'sent', sentStatus: 'OrderState_Sent', updateStatusOnImport: false,
      extraOrderFields: '', extraRowFields: '', extraProductFields: '', rateLimitPerSecond: 2,
    });
    for (const key of ['username', 'password', 'applicationId']) expect(d.settings).toContainEqual(expect.objectContaining({ key, secret: true, required: true }));
    expect(d.settings).toContainEqual(expect.objectContaining({ key: 'identityId' }));
    expect(d.settings).toContainEqual(expect.objectContaining({ key: 'baseUrl' }));
  });

  it('refuses a setting outside the WSDL by name', async () => {
    expect((await runCli(store, 'goods-owners', 'add', 'NOPE', '--name', 'Nope AS')).code).toBe(0);
    const added = await runCli(store, 'integrations', 'add', '--goods-owner', 'NOPE', '--system', '24sevenoffice', '--set', 'extraRowFields=Price,Colour', '--set', 'orderStatus=Sent');
    expect(added.code).not.toBe(0);
    expect(added.stderr).toContain('Colour is not a member of InvoiceRow');
  });

  it('`wmsync sandbox 24sevenoffice` serves the SOAP services the connector signs in to and reads', async () => {
    const child = spawnCli(store, ['--json', 'sandbox', '24sevenoffice', '--seed', '4']);
    try {
      const [line] = (await once(child.stdout!, 'data')) as [Buffer];
      const info = JSON.parse(line.toString()) as { url: string; credentials: Record<string, string> };
      expect(info.credentials).toEqual(twentyFourSevenOffice.sandbox!.credentials);
      const api = twentyFourSevenOffice.createApi(testApiContext({ settings: { baseUrl: info.url, ...info.credentials }, fetch })) as TwentyFourSevenApi;
      expect((await api.products({ properties: ['Id', 'No'] }, signal)).length).toBe(300);
      expect((await api.changedOrderIds(undefined, signal)).length).toBe(400);
    } finally {
      child.kill();
      await once(child, 'exit');
    }
  }, 30_000);
});

describe('the hub-served 24SevenOffice sandbox', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(() => hub?.close());

  it('imports a sandbox integration from its own shop, with the sandbox credentials', async () => {
    await hub.wms.addGoodsOwner({ code: 'FJORD', name: 'Fjordvarer AS' });
    const id = (await hub.sync.integrations.add({ goodsOwner: 'FJORD', system: '24sevenoffice', settings: { environment: 'sandbox', rateLimitPerSecond: '0' } })).id;
    for (const flow of ['article-import', 'order-import']) {
      const run = await hub.sync.engine.runFlow(id, flow, { trigger: 'manual' });
      expect([flow, run.status]).toEqual([flow, 'succeeded']);
      expect(run.counts.created).toBeGreaterThan(0);
    }
    // The shop answers SOAP on the service's own path below the integration's id; without a session, with the fault.
    const shop = await fetch(`${hub.url}/sandbox/24sevenoffice/${id}/Logistics/Product/V001/ProductService.asmx`, {
      method: 'POST', headers: { 'content-type': 'text/xml', SOAPAction: '"http://24sevenOffice.com/webservices/GetProducts"' },
      body: '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><GetProducts xmlns="http://24sevenOffice.com/webservices"/></soap:Body></soap:Envelope>',
    });
    expect(shop.status).toBe(500);
    expect(await shop.text()).toContain('Client is not authenticated on this identity');
  });
});
