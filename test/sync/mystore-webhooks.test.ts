import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandboxCredentials, startMystoreSandbox } from '../../connectors/mystore/sandbox/server.js';
import type { RunningMystoreSandbox } from '../../connectors/mystore/sandbox/server.js';
import { signBody } from '../../connectors/mystore/webhooks.js';
import { main } from '../../src/main.js';
import { cliEnv, runCli, startHub } from '../support/cli.js';
import { testHub } from '../support/hub.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

const until = async <T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const found = await probe().catch(() => undefined);
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/**
 * mystore.no's webhooks with the hub running as `wmsync serve`: the order import subscribes the
 * integration's address, a signed delivery brings the order at once, a bad signature is refused
 * and logged, and with webhooks off the poll brings every order and counts them as missed events.
 */
describe('mystore.no webhooks through a running hub', () => {
  let store: TestStore;
  let sandbox: RunningMystoreSandbox;
  let hub: Awaited<ReturnType<typeof startHub>>;
  let id: number;
  const wms = () => testHub(store).wms;
  const cli = (...args: string[]) => main(args, { out: () => undefined, err: () => undefined }, { ...cliEnv(store), WMSYNC_PORT: new URL(hub.url).port });

  beforeEach(async () => {
    store = await openTestStore();
    sandbox = await startMystoreSandbox({ seed: 3, products: 6, orders: 4, rateLimit: { perSecond: 0, burst: 0 }, send: (request) => fetch(request) });
    expect((await runCli(store, 'goods-owners', 'add', 'ACME', '--name', 'Acme AS')).code).toBe(0);
    const secrets = Object.entries(sandboxCredentials).flatMap(([k, v]) => ['--secret', `${k}=${v}`]);
    const added = await runCli(store, '--json', 'integrations', 'add', '--goods-owner', 'ACME', '--system', 'mystore', '--set', `baseUrl=${sandbox.url}`, '--set', 'rateLimitPerSecond=0', ...secrets);
    expect(added.code, added.stderr).toBe(0);
    id = added.json<{ id: number }>().id;
    expect((await runCli(store, 'integrations', 'pause', String(id))).code).toBe(0);
    hub = await startHub(store);
    // The address is the hub's own, known once it listens.
    expect((await runCli(store, 'integrations', 'set', String(id), `webhookUrl=${hub.url}/webhooks/mystore/${id}`)).code).toBe(0);
  }, 60_000);
  afterEach(async () => {
    await hub?.stop();
    await sandbox?.close();
    await store?.drop();
  });

  it('subscribes, and an order placed in the shop is in the WMS within 5 s through the webhook', async () => {
    expect((await runCli(store, 'integrations', 'resume', String(id))).code).toBe(0);
    // The first scheduled order import subscribes orders/create and orders/update.
    const hooks = await until('the subscription', 20_000, async () => (sandbox.sandbox.store.webhooks.size >= 2 ? [...sandbox.sandbox.store.webhooks.values()] : undefined));
    expect(hooks.map((h) => h.topic).sort()).toEqual(['orders/create', 'orders/update']);
    expect(hooks.every((h) => h.address === `${hub.url}/webhooks/mystore/${id}` && h.secret === sandboxCredentials.webhookSecret)).toBe(true);
    // Let the first poll finish, so that only the webhook can bring the new order.
    await until('the first poll', 20_000, async () => ((await wms().listOrders('ACME')).items.length >= 4 ? true : undefined));

    const started = Date.now();
    const order = await sandbox.sandbox.placeOrder();
    expect(sandbox.sandbox.deliveries.log.at(-1)).toMatchObject({ status: 202 });
    const imported = await until('the order in the WMS', 5_000, () => wms().getOrder('ACME', String(order.id)));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(imported.orderInfo.referenceNumber).toBe(order.reference);
    // The order was written by a webhook's run (which records its end just after the write).
    const webhookRun = await until('the webhook run', 5_000, () =>
      store.db.selectFrom('runs').select(['flow', 'status']).where('trigger', '=', 'webhook').where('status', '!=', 'running').executeTakeFirst(),
    );
    expect(webhookRun).toEqual({ flow: 'order-import', status: 'succeeded' });

    // A cancellation in the shop cancels the Open WMS order, also through the webhook.
    await sandbox.sandbox.setOrderStatus(order.id, 'Kansellert');
    await until('the cancellation', 5_000, async () => ((await wms().getOrder('ACME', String(order.id))).status === 1000 ? true : undefined));
  }, 60_000);

  it('refuses a delivery with a bad signature (401), logs it and stores nothing', async () => {
    const body = JSON.stringify({ data: { type: 'orders', id: '10001' } });
    const post = (signature: string, host = 'sandbox') =>
      fetch(`${hub.url}/webhooks/mystore/${id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-no-mystore-topic': 'orders/create', 'x-no-mystore-hmac-sha256': signature, 'x-no-mystore-host': host },
        body,
      });
    expect((await post(signBody('a-wrong-key', body))).status).toBe(401);
    expect((await post(signBody(sandboxCredentials.webhookSecret, body), 'another-shop')).status).toBe(401);
    expect((await post('')).status).toBe(401);
    expect(hub.log()).toMatch(/webhook refused: bad signature/);
    expect(await store.db.selectFrom('jobs').selectAll().execute()).toEqual([]);
    // The sandbox's own deliveries, signed wrongly on demand, are refused the same way.
    sandbox.sandbox.configure({ badSignatures: true });
    await sandbox.sandbox.store.addWebhook('orders/create', `${hub.url}/webhooks/mystore/${id}`, sandboxCredentials.webhookSecret);
    await sandbox.sandbox.placeOrder();
    expect(sandbox.sandbox.deliveries.log.at(-1)).toMatchObject({ status: 401 });
    // A good signature is taken.
    expect((await post(signBody(sandboxCredentials.webhookSecret, body))).status).toBe(202);
  }, 60_000);

  it('with webhooks off, the poll still brings every order and counts them as missed events', async () => {
    expect((await runCli(store, 'integrations', 'set', String(id), 'webhooks=no')).code).toBe(0);
    await sandbox.sandbox.store.addWebhook('orders/create', `${hub.url}/webhooks/mystore/${id}`, sandboxCredentials.webhookSecret);
    for (let i = 0; i < 3; i++) await sandbox.sandbox.placeOrder();
    // Delivered, but not taken: the integration ignores them.
    expect(sandbox.sandbox.deliveries.log.slice(-3).map((d) => d.status)).toEqual([202, 202, 202]);
    expect(await store.db.selectFrom('jobs').selectAll().execute()).toEqual([]);

    expect(await cli('sync', String(id), '--flow', 'order-import')).toBe(0);
    const [run] = await store.db.selectFrom('runs').selectAll().where('flow', '=', 'order-import').orderBy('id', 'desc').limit(1).execute();
    const counts = JSON.parse(run!.counts as string) as Record<string, number>;
    expect(counts).toMatchObject({ created: 7, missedEvents: 7 });
    expect((await wms().listOrders('ACME')).items).toHaveLength(7);
    const shown = await runCli(store, 'runs', 'show', String(run!.id));
    expect(shown.stdout).toMatch(/missedEvents 7/);
    const api = await runCli(store, '--json', 'runs', 'show', String(run!.id));
    expect(api.json<{ counts: Record<string, number> }>().counts.missedEvents).toBe(7);
  }, 60_000);
});
