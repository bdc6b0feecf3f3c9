import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mystore } from '../../connectors/mystore/connector.js';
import { sandboxCredentials, startMystoreSandbox } from '../../connectors/mystore/sandbox/server.js';
import type { RunningMystoreSandbox } from '../../connectors/mystore/sandbox/server.js';
import { createRegistry } from '../../src/connectors/registry.js';
import { testHub } from '../support/hub.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';
import { stockFor } from '../support/stock.js';

/** The mystore.no integration end to end: the engine against the sandbox over real HTTP, into the embedded WMS, and back. */
describe('mystore.no integration against its sandbox', () => {
  let store: TestStore;
  let sandbox: RunningMystoreSandbox;
  let hub: ReturnType<typeof testHub>;
  let integrationId: number;
  const shop = () => sandbox.sandbox.store;

  const setUp = async (settings: Record<string, unknown> = {}) => {
    hub = testHub(store, { registry: createRegistry([mystore]) });
    await hub.wms.addGoodsOwner({ code: 'ACME', name: 'Acme AS' });
    const integration = await hub.sync.integrations.add({ goodsOwner: 'ACME', system: 'mystore', settings: { baseUrl: sandbox.url, ...settings }, secrets: sandboxCredentials });
    integrationId = integration.id;
  };
  const run = (flow: string) => hub.sync.engine.runFlow(integrationId, flow, { trigger: 'manual' });
  const deliveryCalls = () => sandbox.sandbox.recorder.filter(undefined, /\/(order-status-history|orders\/\d+(\/complete)?)$/).filter((r) => r.method !== 'GET');

  beforeEach(async () => {
    store = await openTestStore();
    sandbox = await startMystoreSandbox({ seed: 5, products: 12, orders: 15, rateLimit: { perSecond: 0, burst: 0 } });
  });
  afterEach(async () => {
    await sandbox?.close();
    await store?.drop();
  });

  it('lands every seed row of articles and orders in its canonical field; a second run changes nothing', async () => {
    await setUp();
    const articles = await run('article-import');
    expect(articles.status).toBe('succeeded');
    expect(articles.counts.created).toBe([...shop().products.values()].reduce((n, p) => n + Math.max(1, p.variantIds.length), 0));

    const variant = [...shop().variants.values()][0]!;
    const product = shop().products.get(variant.productId)!;
    const options = variant.optionValueIds.map((id) => shop().optionValues.get(id)!);
    expect(await hub.wms.getArticle('ACME', variant.sku)).toMatchObject({
      articleFreeDecimal2: variant.id,
      articleNumber: variant.sku,
      barCode: variant.ean,
      customerPrice: product.price,
      articleName: [product.name.no, ...options.map((o) => o.value)].join(' '),
      price: variant.cost,
      productCode: [product.id, ...options.map((o) => o.id)].join('-'),
      purchasePrice: variant.cost,
      weight: product.weight / 1000,
    });
    const plain = [...shop().products.values()].find((p) => p.variantIds.length === 0)!;
    expect(await hub.wms.getArticle('ACME', plain.sku)).toMatchObject({ articleNumber: plain.sku, barCode: plain.ean, price: plain.cost, productCode: String(plain.id) });

    const orders = await run('order-import');
    expect(orders.status).toBe('succeeded');
    expect(orders.counts.created).toBe(shop().orders.size);
    const source = [...shop().orders.values()].find((o) => o.products.some((l) => l.attributes.length > 0))!;
    const line = source.products.find((l) => l.attributes.length > 0)!;
    const wms = await hub.wms.getOrder('ACME', String(source.id));
    expect(wms.orderInfo).toMatchObject({
      customerPrice: shop().total(source),
      deliveryDate: source.created_at,
      goodsOwnerOrderNumber: String(source.id),
      referenceNumber: source.reference,
      wayOfDelivery: source.shipping_method,
    });
    expect(wms.customer).toMatchObject({
      address: source.delivery_street_address,
      city: source.delivery_city,
      countryStateCode: source.delivery_state,
      countryCode: source.delivery_country_iso_code_2,
      email: source.customers_email_address,
      mobilePhone: source.customers_telephone,
      name: [source.delivery_company, source.delivery_name].filter(Boolean).join(', '),
      notifyBySms: true,
      notifyByEmail: true,
      postCode: source.delivery_postcode,
    });
    expect(wms.orderLines.find((l) => l.externalOrderLineCode === String(line.id))).toMatchObject({
      articleName: [line.name, ...line.attributes.map((a) => a.value)].join(' '),
      articleNumber: line.sku,
      customerLinePrice: line.final_price,
      linePrice: line.price,
      numberOfItems: line.quantity,
      productCode: [line.productId, ...line.attributes.map((a) => a.option_value_id)].join('-'),
    });

    const again = [await run('article-import'), await run('order-import')];
    for (const r of again) expect(r.counts).toMatchObject({ created: 0, updated: 0, failed: 0 });

    // A variant changed on its own (its product's update time stays): the next run finds it.
    shop().touchVariant(variant, { cost: variant.cost + 11 });
    expect((await run('article-import')).counts).toMatchObject({ updated: 1, failed: 0 });
    expect((await hub.wms.getArticle('ACME', variant.sku)).price).toBe(variant.cost);
  });

  it('a "Kansellert" order cancels an Open WMS order and is refused with the reason for a Released one', async () => {
    await setUp();
    await run('article-import');
    await run('order-import');
    const [first, second] = [...shop().orders.keys()].map(String);
    await hub.wms.setOrderStatus('ACME', second!, { status: 300 });
    await sandbox.sandbox.setOrderStatus(first!, 'Kansellert');
    await sandbox.sandbox.setOrderStatus(second!, 'kansellert');

    const result = await run('order-import');
    expect(result.counts.cancelled).toBe(1);
    expect(result.counts.locked).toBe(1);
    expect(result.errors).toContainEqual(expect.objectContaining({ record: `order ${second}`, outcome: 'locked', reason: 'cancellation not applied: locked: status 300 Released' }));
    expect((await hub.wms.getOrder('ACME', first!)).status).toBe(1000);
    expect((await hub.wms.getOrder('ACME', second!)).status).toBe(300);
  });

  it.each(['status-history', 'complete', 'patch-order'] as const)('shipping marks the order "Levert" with its tracking number exactly once (%s)', async (deliveryCall) => {
    await setUp({ deliveryCall });
    await run('article-import');
    await run('order-import');
    const number = String([...shop().orders.keys()][0]);
    await stockFor(hub.wms, 'ACME', number);
    await hub.wms.setOrderStatus('ACME', number, { status: 450, waybill: '70730259951234567' });

    const report = await run('delivery-report');
    expect(report.counts.sent).toBe(1);
    expect(deliveryCalls()).toHaveLength(1);
    const order = shop().orders.get(Number(number))!;
    expect(shop().statusByName('Levert')!.id).toBe(order.statusId);
    expect(order.tracking_number).toBe('70730259951234567');
    expect(shop().history.filter((h) => h.orderId === order.id)).toEqual([expect.objectContaining({ via: deliveryCall, tracking_number: '70730259951234567' })]);

    await hub.wms.setOrderStatus('ACME', number, { status: 500 });
    expect((await run('delivery-report')).counts.sent).toBe(0);
    expect(deliveryCalls()).toHaveLength(1);
    // A delivered order is handled: the next poll leaves it alone.
    expect((await run('order-import')).counts).toMatchObject({ updated: 0, cancelled: 0, failed: 0 });
  });

  it('stock export writes only the differences, to the variant or to the product without variants', async () => {
    // The client's own 2 calls a second would make this one PATCH per half second.
    await setUp({ rateLimitPerSecond: 0 });
    await hub.sync.integrations.setFlowEnabled(integrationId, 'stock-export', true);
    await run('article-import');
    const rows = [...shop().variants.values()].map((v) => ({ sku: v.sku, quantity: v.quantity }));
    const plain = [...shop().products.values()].filter((p) => p.variantIds.length === 0).map((p) => ({ sku: p.sku, quantity: p.quantity }));
    // Three articles already agree with the shop; the rest differ (the WMS holds 0 unless set).
    for (const row of [...rows.slice(0, 2), plain[0]!]) await hub.wms.setStock('ACME', row.sku, row.quantity);
    await hub.wms.setStock('ACME', rows[2]!.sku, rows[2]!.quantity + 4);
    const differing = [...rows, ...plain].filter((row, i) => i >= 2 && row !== plain[0] && (row === rows[2] || row.quantity !== 0));
    const patches = () => sandbox.sandbox.recorder.filter('PATCH', /\/(products|product-variants)\/\d+$/);

    const first = await run('stock-export');
    expect(first.counts.updated).toBe(differing.length);
    expect(patches()).toHaveLength(differing.length);
    expect([...shop().variants.values()].find((v) => v.sku === rows[2]!.sku)!.quantity).toBe(rows[2]!.quantity + 4);
    expect(patches().some((p) => p.path.includes('/product-variants/'))).toBe(true);
    expect(patches().every((p) => (p.body as { data: { attributes: { quantity: number } } }).data.attributes.quantity >= 0)).toBe(true);

    const second = await run('stock-export');
    expect(second.counts.updated).toBe(0);
    expect(patches()).toHaveLength(differing.length);
  });
});
