import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub } from '../ui/hub.js';
import type { RunningHub } from '../ui/hub.js';

/**
 * Two goods owners on the hub's MyCashflow sandbox, end to end: each integration imports from its
 * own shop (/sandbox/mycashflow/<integrationId>), so neither sees the other's orders, and a change
 * in one shop stays there. The default shop (/sandbox/mycashflow) stays as it was.
 */
describe('a sandbox shop per integration', () => {
  let hub: RunningHub;
  let acme: number;
  let beta: number;
  const basic = { authorization: `Basic ${Buffer.from('api@sandbox.example:sandbox-key').toString('base64')}` };
  const control = (id: number, path: string, init?: RequestInit) => hub.sandboxControl(id, path, init).then((r) => r.json() as Promise<any>);
  const orders = async (owner: string) => (await hub.wms.listOrders(owner, { limit: 1000 })).items;

  beforeAll(async () => {
    hub = await startHub();
    for (const code of ['ACME', 'BETA']) await hub.wms.addGoodsOwner({ code, name: `${code} Oy` });
    acme = (await hub.sync.integrations.add({ goodsOwner: 'ACME', system: 'mycashflow', settings: { environment: 'sandbox' } })).id;
    beta = (await hub.sync.integrations.add({ goodsOwner: 'BETA', system: 'mycashflow', settings: { environment: 'sandbox' } })).id;
  });
  afterAll(() => hub?.close());

  it("imports each goods owner's orders from its own shop, and an order made in one shop reaches only that owner", async () => {
    const made = await control(acme, '/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ comments: [{ visibility: 'public', text: 'for ACME only' }] }) });
    const number = String(made.data.id);
    for (const id of [acme, beta]) expect((await hub.sync.engine.runFlow(id, 'order-import', { trigger: 'manual' })).status).toBe('succeeded');

    const [mine, theirs] = [await orders('ACME'), await orders('BETA')];
    expect(mine.map((o) => o.orderInfo.goodsOwnerOrderNumber)).toContain(number);
    expect(theirs.map((o) => o.orderInfo.goodsOwnerOrderNumber)).not.toContain(number);
    // The shops are generated from seeds of their own: the same order number is another customer's order.
    const customerOf = (list: typeof mine) => new Map(list.map((o) => [o.orderInfo.goodsOwnerOrderNumber, JSON.stringify(o.customer)]));
    const [a, b] = [customerOf(mine), customerOf(theirs)];
    const shared = [...a.keys()].filter((n) => b.has(n));
    expect(shared.length).toBeGreaterThan(10);
    expect(shared.filter((n) => a.get(n) === b.get(n))).toEqual([]);

    expect((await control(acme, '/state')).counts.orders).toBe((await control(beta, '/state')).counts.orders + 1);
    // Each shop recorded only its own integration's calls.
    expect((await control(beta, '/requests')).data.length).toBeGreaterThan(0);
    expect((await control(acme, '/requests')).data.every((r: { path: string }) => r.path.startsWith('/api/v1/'))).toBe(true);
  });

  it('keeps the default shop where it was, and has no shop for an id that is no sandbox integration', async () => {
    const defaultShop = await fetch(`${hub.url}/sandbox/mycashflow/api/v1/orders?page_size=1`, { headers: basic });
    expect(defaultShop.status).toBe(200);
    const shopOf = (id: number | string) => fetch(`${hub.url}/sandbox/mycashflow/${id}/api/v1/orders?page_size=1`, { headers: basic });
    expect((await shopOf(acme)).status).toBe(200);
    const production = (await hub.sync.integrations.add({ goodsOwner: 'ACME', system: 'mycashflow', settings: { storeName: 'acme' }, secrets: { username: 'api@acme.example', apiKey: 'k' } })).id;
    for (const id of [production, 9999]) expect((await shopOf(id)).status, String(id)).toBe(404);
    // A MyCashflow integration is no Procountor shop.
    expect((await fetch(`${hub.url}/sandbox/procountor/${acme}/api/status`)).status).toBe(404);
  });

  it("closes every spelling of a shop's control API to anyone but an administrator", async () => {
    for (const path of [`/${acme}/_sandbox/state`, `/${acme}/%5Fsandbox/state`, `/${acme}/%5fsandbox/requests`, '/%5Fsandbox/state', `/${acme}/_sandbox`, `/${acme}//_sandbox/state`, `/${acme}/api/../_sandbox/state`]) {
      const res = await fetch(`${hub.url}/sandbox/mycashflow${path}`);
      expect([401, 404], path).toContain(res.status);
    }
    expect((await fetch(`${hub.url}/sandbox/mycashflow/${acme}/_sandbox/state`)).status).toBe(401);
    expect((await fetch(`${hub.url}/sandbox/mycashflow/${acme}/%5Fsandbox/state`)).status).toBe(401);
    expect((await hub.sandboxControl(acme, '/state')).status).toBe(200);
  });
});
