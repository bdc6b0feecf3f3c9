import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli.js';
import { openTestStore } from '../../test/support/stores.js';
import type { TestStore } from '../../test/support/stores.js';

/** `wmsync connectors describe mystore --json`: every seed row, described from its source field. */
describe('mystore.no on the CLI', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => store?.drop());

  it('describes every seed row with its mystore.no field, and the settings with their defaults', async () => {
    const result = await runCli(store, '--json', 'connectors', 'describe', 'mystore');
    expect(result.code).toBe(0);
    const d = result.json();
    expect(d.flows.map((f: { flow: string; enabledByDefault: boolean }) => [f.flow, f.enabledByDefault])).toEqual([
      ['article-import', true], ['order-import', true], ['stock-export', false], ['delivery-report', true],
    ]);
    const rows = (flow: string) => Object.fromEntries(d.flows.find((f: { flow: string }) => f.flow === flow).mapping.map((r: { wms: string; from?: string; to?: string }) => [r.wms, r.from ?? r.to]));
    expect(rows('article-import')).toMatchObject({
      articleFreeDecimal2: 'Variant ⇒ Id',
      articleNumber: 'Variant ⇒ Sku or Product ⇒ Sku',
      barCode: 'Variant ⇒ Ean or Product ⇒ Ean',
      customerPrice: 'Product ⇒ Price',
      articleName: expect.stringMatching(/Product ⇒ Name \+ .*Value/),
      price: 'Variant ⇒ Cost or Product ⇒ Cost',
      productCode: expect.stringMatching(/Product ⇒ Id .*option values ⇒ Id/),
      purchasePrice: 'Variant ⇒ Cost or Product ⇒ Cost',
      weight: expect.stringMatching(/Product ⇒ Weight \(converted to kg/),
    });
    expect(Object.keys(rows('order-import'))).toHaveLength(22);
    expect(rows('order-import')).toMatchObject({
      'orderInfo.customerPrice': expect.stringMatching(/ot_total/),
      'orderInfo.deliveryDate': 'Order ⇒ Created at',
      'orderInfo.goodsOwnerOrderNumber': 'Order ⇒ Id',
      'customer.notifyBySms': 'if exists Order ⇒ Customers telephone',
      'orderLines[].customerLinePrice': 'Order line ⇒ Final price',
    });
    const settings = Object.fromEntries(d.settings.map((s: { key: string; default?: unknown }) => [s.key, s.default]));
    expect(settings).toMatchObject({ cancelledStatus: 'Kansellert', deliveredStatus: 'Levert', deliveryCall: 'status-history', webhooks: true, rateLimitPerSecond: 2, pageSize: 50 });
    expect(d.settings.find((s: { key: string }) => s.key === 'accessToken')).toMatchObject({ secret: true });
  });
});
