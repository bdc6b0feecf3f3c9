import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ongoingSandboxCredentials, startOngoingSandbox } from '../../src/wms/ongoing/sandbox/server.js';
import { testApp } from '../support/http.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

describe('goods owners on Ongoing WMS through the API, and its webhooks', () => {
  let store: TestStore;
  let ongoing: Awaited<ReturnType<typeof startOngoingSandbox>>;
  let t: ReturnType<typeof testApp>;
  const acme = () => ({
    code: 'ACME',
    name: 'Acme Oy',
    wms: 'ongoing',
    settings: { baseUrl: ongoing.url, goodsOwnerId: 159, pollIntervalSeconds: 3600 },
    secrets: { ...ongoingSandboxCredentials, webhookToken: 'hook-secret' },
  });

  beforeEach(async () => {
    store = await openTestStore();
    ongoing = await startOngoingSandbox();
    t = testApp(store);
  });
  afterEach(async () => {
    await ongoing?.close();
    await store?.drop();
  });

  it('tests the connection, then adds the goods owner; its credentials never come back', async () => {
    expect((await t.call('POST', '/api/v1/goods-owners/test-connection', acme())).json).toEqual({ ok: true });
    const refused = await t.call('POST', '/api/v1/goods-owners/test-connection', { ...acme(), secrets: { username: 'WSI-sandbox', password: 'nope' } });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.json.error.message).toContain('401');
    const added = await t.call('POST', '/api/v1/goods-owners', acme());
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ code: 'ACME', wms: 'ongoing', wmsSettings: { baseUrl: ongoing.url, goodsOwnerId: 159 }, wmsSecretsSet: ['password', 'username', 'webhookToken'] });
    expect(added.text).not.toContain(ongoingSandboxCredentials.password);
    // The embedded WMS's record routes do not write an Ongoing goods owner's records into our tables.
    const put = await t.call('PUT', '/api/v1/goods-owners/ACME/articles/ART-1', { articleNumber: 'ART-1' });
    expect(put.status).toBe(409);
    expect(put.json.error.message).toBe('goods owner ACME is on the ongoing WMS: its records are there, not in the embedded WMS');
    const missing = await t.call('POST', '/api/v1/goods-owners', { code: 'B', name: 'B', wms: 'ongoing' });
    expect(missing.status).toBe(422);
    expect(missing.json.error.details.map((d: { field: string }) => d.field)).toEqual(['baseUrl', 'goodsOwnerId', 'username', 'password']);
  });

  it("takes Ongoing's webhook with the shared token as a wake-up of the next poll, and refuses it without", async () => {
    await t.call('POST', '/api/v1/goods-owners', acme());
    await t.call('POST', '/api/v1/goods-owners', { code: 'EMB', name: 'Embedded Oy' });
    const port = await t.sync.wmsFor('ACME');
    const requests = () => ongoing.sandbox.recorder.requests.length;
    await port.poll('', 100);
    const afterFirst = requests();
    await port.poll('', 100);
    expect(requests()).toBe(afterFirst);

    const hook = (code: string, token?: string) =>
      t.app.request(`/webhooks/wms/ongoing/${code}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { 'x-auth-token': token } : {}) }, body: JSON.stringify({ orderId: 1, orderNumber: 'SO-1', goodsOwnerId: 159 }) });
    expect((await hook('ACME')).status).toBe(401);
    expect((await hook('ACME', 'wrong')).status).toBe(401);
    expect((await hook('EMB', 'hook-secret')).status).toBe(404);
    expect((await hook('NOPE', 'hook-secret')).status).toBe(404);
    await port.poll('', 100);
    expect(requests()).toBe(afterFirst);
    expect((await hook('ACME', 'hook-secret')).status).toBe(202);
    await port.poll('', 100);
    expect(requests()).toBeGreaterThan(afterFirst);
  });
});
