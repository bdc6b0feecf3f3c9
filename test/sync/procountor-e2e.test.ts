import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { procountor } from '../../connectors/procountor/connector.js';
import { startProcountorSandbox } from '../../connectors/procountor/sandbox/server.js';
import type { RunningSandbox } from '../../connectors/procountor/sandbox/server.js';
import { fixedNow } from '../../connectors/procountor/sandbox/test-helpers.js';
import { createRegistry } from '../../src/connectors/registry.js';
import { startHttpServer } from '../../src/http/server.js';
import type { RunningServer } from '../../src/http/server.js';
import { testApp } from '../support/http.js';
import { testHub } from '../support/hub.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';
import { stockFor } from '../support/stock.js';

/**
 * The Procountor integration end to end: the engine against the sandbox over real HTTP, into the
 * embedded WMS and back; and the OAuth code flow through the hub's own routes and login redirects.
 */
const registry = () => createRegistry([procountor]);

describe('Procountor integration against its sandbox', () => {
  let store: TestStore;
  let sandbox: RunningSandbox;
  let hub: ReturnType<typeof testHub>;
  let integrationId: number;
  const run = (flow: string) => hub.sync.engine.runFlow(integrationId, flow, { trigger: 'manual' });
  const sendCalls = () => sandbox.sandbox.store.writes.filter((w) => w.action === 'send');

  beforeEach(async () => {
    store = await openTestStore();
    sandbox = await startProcountorSandbox({ port: 0, seed: 5, products: 40, invoices: 60, now: fixedNow });
    hub = testHub(store, { registry: registry() });
    await hub.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    const integration = await hub.sync.integrations.add({
      goodsOwner: 'ACME',
      system: 'procountor',
      settings: { baseUrl: sandbox.url, clientId: 'wmsync-sandbox' },
      secrets: { clientSecret: 'sandbox-secret', apiKey: 'sandbox-api-key' },
    });
    integrationId = integration.id;
  });
  afterEach(async () => {
    await sandbox?.close();
    await store?.drop();
  });

  it('lands every seed row, leaves sales invoices out, and a second run changes nothing', async () => {
    const s = sandbox.sandbox;
    const sales = s.store.products.values().find((p) => p.type === 'SALES' && p.code)!;
    const purchase = s.store.products.values().find((p) => p.type === 'PURCHASE' && p.code)!;
    s.updateProduct(sales.id, { name: 'Kuksa Erikois', unit: 'PAIR', price: 44.55, active: false, currency: 'SEK' });
    const order = s.createInvoice({
      type: 'SALES_ORDER', isOffer: false, language: 'SWEDISH', paymentMethod: 'BANK_TRANSFER', notes: 'Huom 5521',
      deliveryInstructions: 'Ovikoodi 7781', orderReference: 'VIITE-ÄÖ-4411', rows: [{ productId: sales.id, quantity: 3 }],
      counterParty: { email: 'outi@example.se', counterPartyAddress: { name: 'Outi Ostaja', street: 'Storgatan 8', zip: '11122', city: 'Stockholm', country: 'SWEDEN' } },
    });
    const po = s.createInvoice({
      type: 'PURCHASE_ORDER', notes: 'Viikko 12', orderReference: 'PO-7788', deliveryMethod: 'VRCARGO', rows: [{ productId: purchase.id, quantity: 40 }],
      counterParty: { customerNumber: 'T-9009', email: 'myynti@toimittaja.example', counterPartyAddress: { name: 'Toimittaja Oy' } },
    });

    for (const flow of ['article-import', 'order-import', 'purchase-order-import']) expect((await run(flow)).status).toBe('succeeded');

    expect(await hub.wms.getArticle('ACME', sales.code!)).toMatchObject({
      articleNumber: sales.code, articleName: 'Kuksa Erikois', unitCode: 'PAIR', price: 44.55, isActive: false, purchaseCurrencyCode: 'SEK',
    });
    const row = s.store.invoice(order.id)!.invoiceRows[0]!;
    expect(await hub.wms.getOrder('ACME', String(order.invoiceNumber))).toMatchObject({
      orderInfo: {
        goodsOwnerOrderId: String(order.id), goodsOwnerOrderNumber: String(order.invoiceNumber), invoiceNumber: String(order.invoiceNumber),
        language: 'sv', termsOfPayment: 'BANK_TRANSFER', orderRemark: 'Huom 5521', deliveryInstruction: 'Ovikoodi 7781', referenceNumber: 'VIITE-ÄÖ-4411',
      },
      customer: { name: 'Outi Ostaja', address: 'Storgatan 8', postCode: '11122', city: 'Stockholm', countryCode: 'SE', email: 'outi@example.se' },
      orderLines: [{ articleNumber: sales.code, articleName: row.product, productCode: String(sales.id), discount: 0, externalOrderLineId: String(row.id), numberOfItems: 3 }],
    });
    expect(await hub.wms.getPurchaseOrder('ACME', String(po.invoiceNumber))).toMatchObject({
      inOrderInfo: { goodsOwnerOrderNumber: String(po.invoiceNumber), orderRemark: 'Viikko 12', referenceNumber: 'PO-7788', wayOfDelivery: 'VRCARGO' },
      supplier: { supplierName: 'Toimittaja Oy', supplierNumber: 'T-9009', email: 'myynti@toimittaja.example' },
      inOrderLines: [{ articleNumber: purchase.code, productCode: String(purchase.id), numberOfItems: 40 }],
    });

    const heads = s.store.invoices.values();
    const wms = (await hub.wms.listOrders('ACME', { limit: 1000 })).items.map((o) => o.orderInfo.goodsOwnerOrderId ?? '');
    const expected = heads.filter((h) => h.type === 'SALES_ORDER' && !h.isOffer && ['UNFINISHED', 'NOT_SENT', 'APPROVED', 'STARTED'].includes(h.status));
    expect(wms.sort()).toEqual(expected.map((h) => String(h.id)).sort());
    const salesInvoices = new Set(heads.filter((h) => h.type === 'SALES_INVOICE').map((h) => String(h.id)));
    expect(salesInvoices.size).toBeGreaterThan(0);
    expect(wms.some((id) => salesInvoices.has(id))).toBe(false);

    const eventsBefore = (await hub.wms.readEvents(0, 100_000)).length;
    for (const flow of ['article-import', 'order-import', 'purchase-order-import']) {
      const again = await run(flow);
      expect(again.counts).toMatchObject({ created: 0, updated: 0, failed: 0 });
    }
    expect((await hub.wms.readEvents(0, 100_000)).length).toBe(eventsBefore);
  });

  it('shipping an order sends the sales order once; re-running changes nothing', async () => {
    await run('article-import');
    await run('order-import');
    const unfinished = sandbox.sandbox.store.invoices.values().find((h) => h.type === 'SALES_ORDER' && !h.isOffer && h.status === 'UNFINISHED')!;
    const number = String(unfinished.invoiceNumber);
    await stockFor(hub.wms, 'ACME', number);
    await hub.wms.setOrderStatus('ACME', number, { status: 450, waybill: 'JJFI64000999' });

    expect((await run('delivery-report')).counts.sent).toBe(1);
    expect(sendCalls().map((w) => [w.invoiceId, w.to])).toEqual([[unfinished.id, 'SENT']]);

    await hub.wms.setOrderStatus('ACME', number, { status: 500 });
    expect((await run('delivery-report')).counts.sent).toBe(0);
    expect((await run('order-import')).counts).toMatchObject({ created: 0, updated: 0, failed: 0 });
    expect(sendCalls()).toHaveLength(1);
  });

  it("fails the report with Procountor's reason when it refuses to send the order", async () => {
    await run('article-import');
    await run('order-import');
    sandbox.sandbox.configure({ salesOrdersCanBeSent: false });
    const [order] = (await hub.wms.listOrders('ACME')).items;
    await stockFor(hub.wms, 'ACME', order!.orderInfo.goodsOwnerOrderNumber);
    await hub.wms.setOrderStatus('ACME', order!.orderInfo.goodsOwnerOrderNumber, { status: 450 });
    const result = await run('delivery-report');
    expect(result.counts.failed).toBe(1);
    expect(result.errors[0]?.reason).toContain('Action send is not supported for invoice type SALES_ORDER');
    expect(sendCalls()).toHaveLength(0);
  });
});

describe('Procountor OAuth code flow through the hub', () => {
  let store: TestStore;
  let server: RunningServer;
  afterEach(async () => {
    await server?.close();
    await store?.drop();
  });

  const hiddenInputs = (html: string) =>
    Object.fromEntries([...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map(([, name, value]) => [name!, value!.replaceAll('&amp;', '&')]));

  it('start → Procountor login → callback → tokens stored, and a run works with them; a used or wrong state is refused', async () => {
    store = await openTestStore();
    const app = testApp(store, { registry: registry() });
    server = await startHttpServer(app.app, { host: '127.0.0.1', port: 0 });
    app.hub.url = server.url;
    await app.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    const { id } = await app.sync.integrations.add({ goodsOwner: 'ACME', system: 'procountor', settings: { environment: 'sandbox' } });
    const get = (url: string) => fetch(url, { redirect: 'manual' });

    expect((await app.sync.engine.runFlow(id, 'article-import', { trigger: 'manual' })).error).toContain('Procountor is not authorised yet');

    const start = await get(`${server.url}/oauth/start/${id}`);
    expect(start.status).toBe(302);
    const login = new URL(start.headers.get('location')!);
    expect(`${login.origin}${login.pathname}`).toBe(`${server.url}/sandbox/procountor/${id}/login`);
    expect(login.searchParams.get('redirect_uri')).toBe(`${server.url}/oauth/callback`);

    const page = await get(login.href);
    expect(page.status).toBe(200);
    const form = { ...hiddenInputs(await page.text()), username: 'demo@procountor.test', password: 'demo-password', action: 'login' };
    const posted = await fetch(new URL('login', login), { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' });
    expect(posted.status).toBe(302);
    const callback = new URL(posted.headers.get('location')!);
    expect(`${callback.origin}${callback.pathname}`).toBe(`${server.url}/oauth/callback`);
    expect(callback.searchParams.get('state')).toBe(login.searchParams.get('state'));

    const done = await get(callback.href);
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe(`/integrations/${id}?authorised=1`);
    expect((await app.sync.integrations.get(id)).secretsSet).toEqual(expect.arrayContaining(['accessToken', 'refreshToken', 'tokenExpiresAt']));

    const articles = await app.sync.engine.runFlow(id, 'article-import', { trigger: 'manual' });
    expect(articles.status).toBe('succeeded');
    expect(articles.counts.created).toBeGreaterThan(0);

    expect((await get(callback.href)).status).toBe(400);
    const forged = new URL(callback);
    forged.searchParams.set('state', 'not-the-state');
    expect((await get(forged.href)).status).toBe(400);
  });
});
