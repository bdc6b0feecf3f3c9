import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/connectors/registry.js';
import { testHub } from '../../test/support/hub.js';
import { openTestStore } from '../../test/support/stores.js';
import type { TestStore } from '../../test/support/stores.js';
import { twentyFourSevenOffice } from './connector.js';
import { calledOperations, fixedNow } from './fixtures/in-process-api.js';
import { sandboxCredential, startTwentyFourSevenSandbox } from './sandbox/server.js';
import type { TwentyFourSevenSandbox } from './sandbox/server.js';
import { stockFor } from '../../test/support/stock.js';

/**
 * The 24SevenOffice integration end to end: the engine against the SOAP sandbox over HTTP, into
 * the embedded WMS, and back.
 */
describe('24SevenOffice integration against its sandbox', () => {
  let store: TestStore;
  let served: Awaited<ReturnType<typeof startTwentyFourSevenSandbox>>;
  let sandbox: TwentyFourSevenSandbox;
  let hub: ReturnType<typeof testHub>;
  let integrationId: number;

  const setUp = async (settings: Record<string, unknown> = {}) => {
    hub = testHub(store, { registry: createRegistry([twentyFourSevenOffice]) });
    await hub.wms.addGoodsOwner({ code: 'ACME', name: 'Acme AS' });
    const integration = await hub.sync.integrations.add({
      goodsOwner: 'ACME', system: '24sevenoffice', settings: { baseUrl: served.url, rateLimitPerSecond: '0', ...settings }, secrets: sandboxCredential,
    });
    integrationId = integration.id;
  };
  const run = (flow: string) => hub.sync.engine.runFlow(integrationId, flow, { trigger: 'manual' });
  const operations = () => calledOperations(sandbox);
  const confirmed = () => [...sandbox.store.orders.values()].filter((o) => o.OrderStatus === 'Confirmed');
  const wmsOrder = async (number: number) => (await hub.wms.listOrders('ACME', { limit: 1000 })).items.find((o) => o.orderInfo.goodsOwnerOrderNumber === String(number));

  beforeEach(async () => {
    store = await openTestStore();
    served = await startTwentyFourSevenSandbox({ port: 0, seed: 5, products: 20, companies: 16, orders: 40, now: fixedNow });
    sandbox = served.sandbox;
  });
  afterEach(async () => {
    await served?.close();
    await store?.drop();
  });

  it('imports articles and the confirmed orders only; an order in another status is not imported; a second run changes nothing', async () => {
    await setUp();
    expect((await run('article-import')).counts.created).toBe(20);
    const draft = [...sandbox.store.orders.values()].find((o) => o.OrderStatus === 'Draft')!;
    const orders = await run('order-import');
    expect(orders.status).toBe('succeeded');
    expect(orders.counts.created).toBe(confirmed().length);
    const numbers = (await hub.wms.listOrders('ACME', { limit: 1000 })).items.map((o) => o.orderInfo.goodsOwnerOrderNumber).sort();
    expect(numbers).toEqual(confirmed().map((o) => String(o.OrderId)).sort());
    expect(numbers).not.toContain(String(draft.OrderId));
    // The search itself asks for Confirmed only.
    expect(sandbox.recorder.requests.filter((r) => String(r.body).includes('<GetInvoices')).every((r) => String(r.body).includes('<OrderStates><OrderSlipStateType>Confirmed</OrderSlipStateType></OrderStates>'))).toBe(true);

    // The draft is edited but stays a draft: still not imported; one confirmed order changes.
    sandbox.store.touch(draft, { InvoiceTitle: 'Fortsatt kladd' });
    const changed = confirmed()[0]!;
    sandbox.store.touch(changed, { InvoiceTitle: 'Ring før levering 4411' });
    const again = await run('order-import');
    expect(again.counts).toMatchObject({ created: 0, updated: 1, failed: 0 });
    expect((await wmsOrder(changed.OrderId))?.orderInfo.orderRemark).toBe('Ring før levering 4411');
    expect(await wmsOrder(draft.OrderId)).toBeUndefined();
  });

  it('takes phone and e-mail from the company when the order has none (the seed footnotes)', async () => {
    await setUp();
    await run('article-import');
    const customer = [...sandbox.store.companies.values()].find((c) => c.Type !== 'Supplier')!;
    sandbox.store.touch(customer, { PhoneNumbers: { Mobile: { Value: '+47 915 00 777' }, Primary: { Value: '+47 22 00 88 99' } }, EmailAddresses: { Invoice: { Value: 'faktura.7781@kunde.example.no' } } });
    const created = await fetch(`${served.url}/_sandbox/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ CustomerId: customer.Id }) });
    const withoutContacts = (await created.json()) as { OrderId: number };
    const withContacts = confirmed().find((o) => o.CustomerDeliveryPhone && o.InvoiceEmailAddress)!;

    expect((await run('order-import')).status).toBe('succeeded');
    expect((await wmsOrder(withoutContacts.OrderId))?.customer).toMatchObject({ mobilePhone: '+47 915 00 777', telephone: '+47 22 00 88 99', email: 'faktura.7781@kunde.example.no' });
    expect((await wmsOrder(withContacts.OrderId))?.customer).toMatchObject({ mobilePhone: withContacts.CustomerDeliveryPhone, telephone: withContacts.CustomerDeliveryPhone, email: withContacts.InvoiceEmailAddress });
    // The companies are asked for only where an order lacks a phone or an e-mail, in one call per page.
    expect(operations().filter((op) => op === 'GetCompanies')).toHaveLength(1);
  });

  it('keeps the session between runs, checks it with HasSession, and logs in again once when it expires mid-run', async () => {
    await setUp();
    await run('article-import');
    expect(operations()).toEqual(['Login', 'GetProducts']);
    sandbox.recorder.clear();
    // The next run reuses the stored session after asking whether the server still knows it.
    await run('article-import');
    expect(operations()).toEqual(['HasSession', 'GetProducts']);

    // Mid-run: the sync list is answered, then every session is gone before GetInvoices.
    sandbox.recorder.clear();
    let expired = false;
    const original = sandbox.store.orderSyncList.bind(sandbox.store);
    sandbox.store.orderSyncList = (...args) => {
      const ids = original(...args);
      if (!expired) expired = sandbox.sessions.expireAll() > 0;
      return ids;
    };
    const orders = await run('order-import');
    expect(orders.status).toBe('succeeded');
    expect(orders.counts.created).toBe(confirmed().length);
    expect(operations().slice(0, 5)).toEqual(['HasSession', 'GetOrderSyncList', 'GetInvoices', 'Login', 'GetInvoices']);
    expect(operations().filter((op) => op === 'Login')).toHaveLength(1);
  });

  it('reports a shipped order once: its status becomes Sent, and Collected after Sent sends nothing', async () => {
    await setUp();
    await run('article-import');
    await run('order-import');
    const order = confirmed()[0]!;
    await stockFor(hub.wms, 'ACME', String(order.OrderId));
    await hub.wms.setOrderStatus('ACME', String(order.OrderId), { status: 450, waybill: 'JJFI64000999' });
    const saves = () => sandbox.recorder.requests.filter((r) => String(r.body).includes('<SaveInvoices'));

    const report = await run('delivery-report');
    expect(report.counts.sent).toBe(1);
    expect(saves()).toHaveLength(1);
    expect(String(saves()[0]!.body)).toContain(`<InvoiceOrder><OrderId>${order.OrderId}</OrderId><OrderStatus>OrderState_Sent</OrderStatus></InvoiceOrder>`);
    expect(sandbox.store.orders.get(order.OrderId)!.OrderStatus).toBe('OrderState_Sent');

    await hub.wms.setOrderStatus('ACME', String(order.OrderId), { status: 500 });
    expect((await run('delivery-report')).counts.sent).toBe(0);
    expect(saves()).toHaveLength(1);
  });

  it('sets the configured sent status, and fails an invoiced order with 24SevenOffice\'s reason while the others are sent', async () => {
    await setUp({ sentStatus: 'Invoiced' });
    await run('article-import');
    await run('order-import');
    const [first, second] = confirmed();
    // Someone invoices the first one in 24SevenOffice before the warehouse ships it.
    sandbox.store.saveOrder({ OrderId: first!.OrderId, OrderStatus: 'Invoiced' });
    for (const o of [first!, second!]) {
      await stockFor(hub.wms, 'ACME', String(o.OrderId));
      await hub.wms.setOrderStatus('ACME', String(o.OrderId), { status: 450 });
    }
    const report = await run('delivery-report');
    expect(report.counts).toMatchObject({ sent: 1, failed: 1 });
    expect(report.errors).toEqual([expect.objectContaining({ reason: expect.stringContaining(`order ${first!.OrderId}: The order is invoiced and can no longer be changed (ValidationException)`) })]);
    expect(sandbox.store.orders.get(second!.OrderId)!.OrderStatus).toBe('Invoiced');
  });

  it('updates the status on import only when switched on', async () => {
    await setUp();
    await run('article-import');
    await run('order-import');
    expect(operations()).not.toContain('SaveInvoices');

    await hub.sync.integrations.update(integrationId, { settings: { updateStatusOnImport: 'true' } });
    const fresh = await fetch(`${served.url}/_sandbox/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const { OrderId } = (await fresh.json()) as { OrderId: number };
    const result = await run('order-import');
    expect(result.counts.created).toBe(1);
    expect(sandbox.store.orders.get(OrderId)!.OrderStatus).toBe('Pack');
    // An order set to Pack is no longer Confirmed: the next run leaves it alone.
    expect((await run('order-import')).counts).toMatchObject({ created: 0, updated: 0 });
  });

  it('exports stock only where it differs', async () => {
    await setUp();
    await run('article-import');
    // The WMS holds what 24SevenOffice says for every product, but 7 more of the first.
    const products = [...sandbox.store.products.values()];
    const before = new Map(products.map((p) => [p.Id, p.Stock]));
    for (const p of products) await hub.wms.setStock('ACME', p.No, p.Stock);
    const changed = products[0]!;
    await hub.wms.setStock('ACME', changed.No, before.get(changed.Id)! + 7);
    const first = await run('stock-export');
    expect(first.counts.updated).toBe(1);
    expect(sandbox.store.stockWrites.map((w) => [w.productId, w.quantity])).toEqual([[changed.Id, before.get(changed.Id)! + 7]]);
    expect(String(sandbox.recorder.requests.find((r) => String(r.body).includes('<SetStockQuantity'))!.body)).toContain(`<productId>${changed.Id}</productId><stockQuantity>${before.get(changed.Id)! + 7}</stockQuantity>`);
    expect(products.slice(1).every((p) => p.Stock === before.get(p.Id))).toBe(true);
    const second = await run('stock-export');
    expect(second.counts.updated).toBe(0);
    expect(sandbox.store.stockWrites).toHaveLength(1);
  });

  it('switches every flow on and off on its own, with the seed defaults (suppliers off)', async () => {
    await setUp();
    const flows = async () => Object.fromEntries((await hub.sync.integrations.get(integrationId)).flows.map((f: { flow: string; enabled: boolean }) => [f.flow, f.enabled]));
    expect(await flows()).toEqual({ 'article-import': true, 'order-import': true, 'supplier-import': false, 'stock-export': true, 'delivery-report': true });
    await expect(run('supplier-import')).rejects.toThrow(/flow supplier-import of integration \d+ is off/);
    await hub.sync.integrations.setFlowEnabled(integrationId, 'supplier-import', true);
    await hub.sync.integrations.setFlowEnabled(integrationId, 'order-import', false);
    expect(await flows()).toEqual({ 'article-import': true, 'order-import': false, 'supplier-import': true, 'stock-export': true, 'delivery-report': true });
    const suppliers = await run('supplier-import');
    expect(suppliers.counts.created).toBe([...sandbox.store.companies.values()].filter((c) => c.Type === 'Supplier').length);
    await expect(run('order-import')).rejects.toThrow(/is off/);
  });
});
