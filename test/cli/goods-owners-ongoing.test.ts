import { once } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ongoingSandboxCredentials, startOngoingSandbox } from '../../src/wms/ongoing/sandbox/server.js';
import { runCli, spawnCli } from '../support/cli.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

describe('wmsync goods-owners add --wms ongoing, as the README says', () => {
  let store: TestStore;
  let ongoing: Awaited<ReturnType<typeof startOngoingSandbox>>;
  const cli = (...args: string[]) => runCli(store, ...args);
  const credentials = ['--secret', `username=${ongoingSandboxCredentials.username}`, '--secret', `password=${ongoingSandboxCredentials.password}`];

  beforeEach(async () => {
    store = await openTestStore();
    ongoing = await startOngoingSandbox();
  });
  afterEach(async () => {
    await ongoing?.close();
    await store?.drop();
  });

  it('tests the connection, stores the goods owner on Ongoing with its credentials sealed, and lists it', async () => {
    const added = await cli('goods-owners', 'add', 'ACME', '--name', 'Acme Oy', '--wms', 'ongoing', '--set', `baseUrl=${ongoing.url}`, '--set', 'goodsOwnerId=159', ...credentials, '--test');
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toBe(`added goods owner ACME (Acme Oy)\nwms: ongoing\n  baseUrl = ${ongoing.url}\n  goodsOwnerId = 159\n  password = (secret, set)\n  username = (secret, set)`);
    // The connection test called Ongoing with the goods owner's id.
    expect(ongoing.sandbox.recorder.requests.map((r) => [r.method, r.path, r.query.goodsOwnerId])).toEqual([['GET', '/api/v1/articles', '159']]);

    const listed = (await cli('--json', 'goods-owners', 'list')).json().items;
    expect(listed).toEqual([expect.objectContaining({ code: 'ACME', wms: 'ongoing', wmsSettings: { baseUrl: ongoing.url, goodsOwnerId: 159 }, wmsSecretsSet: ['password', 'username'] })]);
    expect(JSON.stringify(listed)).not.toContain(ongoingSandboxCredentials.password);
    expect((await cli('goods-owners', 'test-connection', 'ACME')).stdout).toBe('goods owner ACME: the WMS answered');
    expect((await cli('goods-owners', 'list')).stdout).toMatch(/ACME\s+Acme Oy\s+ongoing/);
  });

  it('without --wms the goods owner is on the embedded WMS, as before', async () => {
    expect((await cli('goods-owners', 'add', 'EMB', '--name', 'Embedded Oy')).stdout).toBe('added goods owner EMB (Embedded Oy)');
    expect((await cli('--json', 'goods-owners', 'list')).json().items).toEqual([expect.objectContaining({ code: 'EMB', wms: 'embedded', wmsSettings: {}, wmsSecretsSet: [] })]);
  });

  it('names every missing or wrong setting, never echoes a secret, and saves nothing', async () => {
    const bad = await cli('goods-owners', 'add', 'ACME', '--name', 'Acme Oy', '--wms', 'ongoing', '--set', 'goodsOwnerId=abc', '--set', 'password=hunter2', '--secret', 'username=WSI-1');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('goodsOwnerId');
    expect(bad.stderr).toContain('must be a whole number');
    expect(bad.stderr).toContain('baseUrl');
    expect(bad.stderr).toContain('is a secret: give it with --secret password=');
    expect(bad.stderr).not.toContain('hunter2');
    const unknown = await cli('goods-owners', 'add', 'ACME', '--name', 'Acme Oy', '--wms', 'sap');
    expect(unknown.stderr).toContain('is not a WMS wmsync knows; known: embedded, ongoing');
    const wrongPassword = await cli('goods-owners', 'add', 'ACME', '--name', 'Acme Oy', '--wms', 'ongoing', '--set', `baseUrl=${ongoing.url}`, '--set', 'goodsOwnerId=159', '--secret', 'username=WSI-sandbox', '--secret', 'password=nope', '--test');
    expect(wrongPassword.code).not.toBe(0);
    expect(wrongPassword.stderr).toContain('401');
    expect((await cli('--json', 'goods-owners', 'list')).json()).toEqual({ items: [], next: null });
  });
});

describe('wmsync sandbox ongoing', () => {
  it('serves the Ongoing simulator with its credentials and goods owner id; a ship through its control API is seen by the REST API', async () => {
    const store = await openTestStore();
    const child = spawnCli(store, ['--json', 'sandbox', 'ongoing', '--port', '0']);
    try {
      const info = await new Promise<{ url: string; credentials: Record<string, string>; goodsOwnerId: number }>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!));
        });
        child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
      });
      expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
      const headers = { authorization: `Basic ${Buffer.from(`${info.credentials.username}:${info.credentials.password}`).toString('base64')}`, 'content-type': 'application/json' };
      const put = (path: string, body: unknown) => fetch(`${info.url}${path}`, { method: 'PUT', headers, body: JSON.stringify(body) });
      expect((await put('/articles', { goodsOwnerId: info.goodsOwnerId, articleNumber: '1009' })).status).toBe(201);
      const order = { goodsOwnerId: info.goodsOwnerId, orderNumber: 'O1', deliveryDate: '2026-12-03', consignee: { name: 'A' }, orderLines: [{ rowNumber: '1', articleNumber: '1009', numberOfItems: 2 }] };
      expect((await put('/orders', order)).status).toBe(201);
      const origin = new URL(info.url).origin;
      const shipped = await fetch(`${origin}/_sandbox/orders/O1/ship`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ waybill: 'JJ1', picked: [{ rowNumber: '1', quantity: 1 }] }) });
      expect(shipped.status).toBe(200);
      const toReport = await fetch(`${info.url}/orders?goodsOwnerId=${info.goodsOwnerId}&onlyOrdersWithOrderLinesToReport=true`, { headers });
      const [read] = (await toReport.json()) as { orderInfo: { orderStatus: { number: number } }; orderLines: { pickedNumberOfItems: number }[]; tracking: { waybill: string }[] }[];
      expect(read).toMatchObject({ orderInfo: { orderStatus: { number: 450 } }, orderLines: [{ pickedNumberOfItems: 1 }], tracking: [{ waybill: 'JJ1' }] });
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
      await store.drop();
    }
  });
});
