import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestStore } from '../../test/support/stores.js';
import type { TestStore } from '../../test/support/stores.js';
import { sampleArticle, sampleOrder } from '../../test/support/fixtures.js';
import { systemClock } from '../kernel/clock.js';
import { isWmsyncError } from '../kernel/errors.js';
import { createSecretBox } from '../kernel/secrets.js';
import { createEmbeddedWms } from '../wms/embedded/embedded-wms.js';
import type { WmsEvent, WmsPort } from '../wms/port.js';
import { createTenants } from './goods-owners.js';
import { createWmsResolver } from './wms-resolver.js';

/** A remote WMS that records what it is asked and serves a fixed feed, or fails. */
function fakeRemote(code: string, feed: { fail?: boolean }) {
  const calls: string[] = [];
  const event: WmsEvent = { id: 77, goodsOwner: code, type: 'order.shipped', subject: 'R-1', payload: { orderNumber: 'R-1', status: 450, shipment: { sentAt: 't' }, lines: [] }, createdAt: 't' };
  const port: WmsPort = {
    upsertArticle: async (owner) => (calls.push(`article ${owner}`), { outcome: 'created' }),
    upsertSupplier: async () => ({ outcome: 'created' }),
    upsertOrder: async (owner) => (calls.push(`order ${owner}`), { outcome: 'created' }),
    cancelOrder: async () => ({ outcome: 'cancelled' }),
    upsertPurchaseOrder: async () => ({ outcome: 'created' }),
    cancelPurchaseOrder: async () => ({ outcome: 'cancelled' }),
    listStock: async () => [],
    async poll(cursor) {
      calls.push(`poll ${cursor}`);
      if (feed.fail) throw new Error('Ongoing is down');
      return { events: [event], cursor: 'remote-2' };
    },
    ack: async (e) => void calls.push(`ack ${e.id}`),
  };
  return { port, calls };
}

describe('the per-goods-owner WMS resolver', () => {
  let store: TestStore;
  afterEach(() => store?.drop());

  async function setUp(feed: { fail?: boolean } = {}) {
    store = await openTestStore();
    const tenants = createTenants({ db: store.db, clock: systemClock, secrets: createSecretBox(randomBytes(32)) });
    const embedded = createEmbeddedWms(store);
    await tenants.add({ code: 'EMB', name: 'Embedded Oy' });
    // The feed is the point here, not stock: EMB ships what it has not stocked.
    await tenants.setRules('EMB', { allowNegativeStock: true });
    await tenants.add({ code: 'ONG', name: 'Ongoing Oy', wms: 'ongoing', settings: { baseUrl: 'https://api.ongoingsystems.se/demo/api/v1', goodsOwnerId: '5' }, secrets: { username: 'WSI1', password: 'pw' } });
    const remote = fakeRemote('ONG', feed);
    const built: string[] = [];
    const resolver = createWmsResolver({ tenants, embedded, remote: { ongoing: (t) => (built.push(`${t.code} ${String(t.wmsSecrets.password)}`), remote.port) } });
    return { resolver, routed: resolver.routed(), embedded, remote, built, tenants };
  }

  it("routes each goods owner's writes to its WMS, building a remote adapter once, with its credentials opened", async () => {
    const { routed, embedded, remote, built } = await setUp();
    expect(await routed.upsertArticle('EMB', sampleArticle())).toEqual({ outcome: 'created' });
    expect((await embedded.listArticles('EMB')).items).toHaveLength(1);
    await routed.upsertArticle('ONG', sampleArticle());
    await routed.upsertOrder('ONG', sampleOrder());
    expect(remote.calls).toEqual(['article ONG', 'order ONG']);
    expect(built).toEqual(['ONG pw']);
    const e = await routed.upsertArticle('NOPE', sampleArticle()).catch((x: unknown) => x);
    expect(isWmsyncError(e) && e.kind).toBe('not-found');
  });

  it("builds a goods owner's adapter again once told its settings changed; a secret not given is kept, an empty setting unset", async () => {
    const { resolver, routed, built, tenants } = await setUp();
    await tenants.changeWms('ONG', { settings: { pageSize: '50' } });
    await routed.upsertArticle('ONG', sampleArticle());
    await tenants.changeWms('ONG', { settings: { goodsOwnerId: '6', pageSize: '' }, secrets: { password: 'new-pw', username: '' } });
    await routed.upsertArticle('ONG', sampleArticle());
    expect(built, 'not told yet').toEqual(['ONG pw']);
    resolver.forget('ONG');
    await routed.upsertArticle('ONG', sampleArticle());
    expect(built).toEqual(['ONG pw', 'ONG new-pw']);
    const changed = await tenants.resolve('ONG');
    expect(changed.wmsSettings).toEqual({ baseUrl: 'https://api.ongoingsystems.se/demo/api/v1', goodsOwnerId: 6 });
    expect(changed.wmsSecrets).toEqual({ username: 'WSI1', password: 'new-pw' });
    const refused = await tenants.changeWms('ONG', { settings: { goodsOwnerId: 'x', baseUrl: '' } }).catch((e: unknown) => e);
    expect(isWmsyncError(refused) && refused.details.map((i) => i.field)).toEqual(['goodsOwnerId', 'baseUrl']);
  });

  it('merges the feeds under one cursor; a cursor saved before the split is the embedded one; acks go to the event’s WMS', async () => {
    const { routed, embedded, remote } = await setUp();
    await embedded.upsertArticle('EMB', sampleArticle());
    await embedded.upsertOrder('EMB', sampleOrder());
    await embedded.setOrderStatus('EMB', 'SO-5001', { status: 450 });
    const first = await routed.poll('', 100, ['order.shipped']);
    expect(first.events.map((e) => `${e.goodsOwner} ${e.subject}`)).toEqual(['EMB SO-5001', 'ONG R-1']);
    const cursors = JSON.parse(first.cursor) as Record<string, string>;
    expect(cursors['ongoing:ONG']).toBe('remote-2');
    const legacy = await routed.poll(cursors.embedded!, 100, ['order.shipped']);
    expect(legacy.events.map((e) => e.goodsOwner)).toEqual(['ONG']);
    expect(remote.calls).toEqual(['poll ', 'poll ']);
    await routed.ack(first.events[1]!);
    expect(remote.calls.at(-1)).toBe('ack 77');
    await expect(routed.poll('not a cursor', 100)).rejects.toThrow('the WMS event cursor "not a cursor" is neither an event id nor a JSON map of cursors');
  });

  it("a goods owner's WMS that is down holds back no one else's events, and keeps its cursor", async () => {
    const { routed, embedded } = await setUp({ fail: true });
    await embedded.upsertArticle('EMB', sampleArticle());
    await embedded.upsertOrder('EMB', sampleOrder());
    await embedded.setOrderStatus('EMB', 'SO-5001', { status: 450 });
    const batch = await routed.poll(JSON.stringify({ 'ongoing:ONG': 'remote-1' }), 100, ['order.shipped']);
    expect(batch.events.map((e) => e.goodsOwner)).toEqual(['EMB']);
    expect(JSON.parse(batch.cursor)['ongoing:ONG']).toBe('remote-1');
  });
});
