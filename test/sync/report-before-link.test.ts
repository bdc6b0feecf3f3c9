import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMycashflowSandbox } from '../../connectors/mycashflow/sandbox/server.js';
import type { RunningSandbox } from '../../connectors/mycashflow/sandbox/server.js';
import { testHub } from '../support/hub.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';
import { stockFor } from '../support/stock.js';

/**
 * An order shipped before its link exists (an import cut off between writing the order and saving
 * its link, or still writing its page) is reported once the link is there, exactly once.
 */
describe('a shipment whose order has no link yet', () => {
  let store: TestStore;
  let sandbox: RunningSandbox;
  beforeEach(async () => {
    store = await openTestStore();
    sandbox = await startMycashflowSandbox({ port: 0, seed: 5, products: 10, orders: 12, rateLimit: { perSecond: 0, burst: 0 } });
  });
  afterEach(async () => {
    await sandbox?.close();
    await store?.drop();
  });

  it.each([
    ['unchanged in the shop', false],
    ['changed in the shop since (the WMS refuses the change: locked)', true],
  ])('waits for the link, then reports it once: %s', async (_case, changed) => {
    const hub = testHub(store);
    await hub.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    const { id } = await hub.sync.integrations.add({ goodsOwner: 'ACME', system: 'mycashflow', settings: { baseUrl: sandbox.url, storeName: 'acme', allowOpenCashOnDeliveryPayments: 'yes' }, secrets: { username: 'api@sandbox.example', apiKey: 'sandbox-key' } });
    const run = (flow: string) => hub.sync.engine.runFlow(id, flow, { trigger: 'manual' });
    expect((await run('order-import')).status).toBe('succeeded');
    const order = (await hub.wms.listOrders('ACME', { limit: 100 })).items.find((o) => (sandbox.sandbox.store.order(Number(o.orderInfo.goodsOwnerOrderNumber))?.payments.length ?? 0) === 1)!;
    const number = order.orderInfo.goodsOwnerOrderNumber;

    // The import was cut off after writing the order and before saving its link.
    await store.db.deleteFrom('links').where('integration_id', '=', id).where('wms_key', '=', number).execute();
    await store.db.deleteFrom('cursors').where('integration_id', '=', id).execute();
    await stockFor(hub.wms, 'ACME', number);
    await hub.wms.setOrderStatus('ACME', number, { status: 450, waybill: 'JJFI6400777' });
    expect((await run('delivery-report')).counts.sent ?? 0).toBe(0);

    if (changed) {
      const patched = await fetch(`${new URL(sandbox.url).origin}/_sandbox/orders/${number}`, { method: 'PATCH', body: JSON.stringify({ comments: [{ visibility: 'public', text: 'Ring twice' }] }), headers: { 'content-type': 'application/json' } });
      expect(patched.status).toBe(200);
    }
    // The re-run reads the page again, and the WMS, which has the order, lets the link follow.
    const again = await run('order-import');
    expect(again.errors.find((e) => e.externalId === number)?.outcome).toBe(changed ? 'locked' : undefined);
    const report = await run('delivery-report');
    expect(report.counts.sent).toBe(1);
    expect((await run('delivery-report')).counts.sent ?? 0).toBe(0);
    expect(sandbox.sandbox.recorder.filter('POST', new RegExp(`/orders/${number}/quick-process$`))).toHaveLength(1);
  });
});
