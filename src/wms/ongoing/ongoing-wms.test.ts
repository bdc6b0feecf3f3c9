import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultStatusRules } from '../../domain/index.js';
import { systemClock } from '../../kernel/clock.js';
import { isWmsyncError } from '../../kernel/errors.js';
import { sampleArticle, sampleOrder } from '../../../test/support/fixtures.js';
import { createOngoingWms } from './ongoing-wms.js';
import type { OngoingClientDeps } from './client.js';
import { ongoingSandboxCredentials, startOngoingSandbox } from './sandbox/server.js';
import type { OngoingSandboxOptions } from './sandbox/server.js';
import { nodeHttpsFetch } from './transport.js';

let running: Awaited<ReturnType<typeof startOngoingSandbox>> | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function adapter(options: OngoingSandboxOptions = {}, settings: Record<string, unknown> = {}, deps: Partial<OngoingClientDeps> = {}) {
  running = await startOngoingSandbox(options);
  const wms = createOngoingWms(
    {
      code: 'ACME',
      statusRules: defaultStatusRules,
      wmsSettings: { baseUrl: running.url, goodsOwnerId: running.sandbox.goodsOwnerId, pollIntervalSeconds: 0, ...settings },
      wmsSecrets: { ...ongoingSandboxCredentials, webhookToken: 'hook-secret' },
    },
    { clock: systemClock, ...deps },
  );
  return { wms, sandbox: running.sandbox };
}

const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (isWmsyncError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('Ongoing WMS adapter', () => {
  it('runs writes one at a time even when the engine sends them together; the sandbox sees overlaps of raw parallel writes', async () => {
    const { wms, sandbox } = await adapter({ latencyMs: 20 });
    const outcomes = await Promise.all(['A-1', 'A-2', 'A-3', 'A-4', 'A-5'].map((n) => wms.upsertArticle('ACME', sampleArticle(n))));
    expect(outcomes.every((o) => o.outcome === 'created')).toBe(true);
    expect(sandbox.overlappingWrites()).toBe(0);
    // The check itself: two writes sent together without the adapter's queue overlap.
    const auth = `Basic ${Buffer.from(`${ongoingSandboxCredentials.username}:${ongoingSandboxCredentials.password}`).toString('base64')}`;
    const raw = (n: string) =>
      fetch(`${running!.url}/articles`, { method: 'PUT', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify({ goodsOwnerId: 159, articleNumber: n }) });
    await Promise.all([raw('R-1'), raw('R-2')]);
    expect(sandbox.overlappingWrites()).toBe(1);
  });

  it("sends the order as Ongoing's PostOrderModel: goodsOwnerId, deliveryDate, consignee, string row numbers", async () => {
    const { wms, sandbox } = await adapter();
    for (const n of ['ART-1001', 'ART-1002']) await wms.upsertArticle('ACME', sampleArticle(n));
    await wms.upsertOrder('ACME', sampleOrder());
    const put = sandbox.recorder.requests.find((r) => r.method === 'PUT' && r.path === '/api/v1/orders')!;
    expect(put.body).toMatchObject({
      goodsOwnerId: 159,
      orderNumber: 'SO-5001',
      deliveryDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      consignee: { name: 'Aino Virtanen', address1: 'Mannerheimintie 12 B 7', postCode: '00100', city: 'Helsinki', countryCode: 'FI' },
      wayOfDelivery: { code: 'POSTI-EXPRESS' },
      emailNotification: { toBeNotified: true, value: 'aino@example.fi' },
      orderLines: [
        { rowNumber: 'L-1', articleNumber: 'ART-1001', numberOfItems: 3, externalId: 'L-1', prices: { linePrice: 38.7 } },
        { rowNumber: 'L-2', articleNumber: 'ART-1002', numberOfItems: 2, externalId: 'L-2' },
      ],
    });
    // The status gate read the order first, by number and goods owner.
    const lookup = sandbox.recorder.requests.find((r) => r.method === 'GET' && r.path === '/api/v1/orders')!;
    expect(lookup.query).toMatchObject({ goodsOwnerId: '159', orderNumber: 'SO-5001' });
  });

  it('waits out a 429 as Retry-After says, then succeeds; a 4xx is not sent again', async () => {
    const slept: number[] = [];
    const { wms, sandbox } = await adapter({}, {}, { sleep: async (ms) => void slept.push(ms) });
    sandbox.faults.set({ tooManyRequests: { next: 1, retryAfterSeconds: 2 } });
    expect(await wms.upsertArticle('ACME', sampleArticle('ART-1'))).toEqual({ outcome: 'created' });
    expect(slept).toEqual([2000]);
    const before = sandbox.recorder.requests.length;
    const e = await errorOf(wms.upsertOrder('ACME', { ...sampleOrder(), orderLines: [{ articleNumber: 'NOT-THERE', numberOfItems: 1 }] }));
    expect(e.kind).toBe('record');
    expect(e.message).toContain('Article NOT-THERE does not exist');
    // One lookup and one PUT: the refused PUT was not repeated.
    expect(sandbox.recorder.requests.length - before).toBe(2);
  });

  it("pauses after the consecutive-failure limit instead of tripping Ongoing's, and one success resets the count", async () => {
    let now = Date.parse('2026-12-03T10:00:00Z');
    const clock = { now: () => new Date(now) };
    const { wms, sandbox } = await adapter({}, {}, { clock, sleep: async () => undefined, failureLimit: { consecutive: 3, coolDownMs: 60_000 } });
    // Every write fails, retries included: each call is one failure.
    sandbox.faults.set({ serverError: { rate: 1, status: 500, match: '^PUT ' } });
    for (let i = 0; i < 3; i++) await errorOf(wms.upsertArticle('ACME', sampleArticle(`X-${i}`)));
    const sent = sandbox.recorder.requests.length;
    const paused = await errorOf(wms.upsertArticle('ACME', sampleArticle('X-4')));
    expect(paused.kind).toBe('transient');
    expect(paused.message).toMatch(/paused until 2026-12-03T10:01:00.000Z after 3 failed calls in a row/);
    expect(paused.retryAfterMs).toBe(60_000);
    expect(sandbox.recorder.requests.length).toBe(sent);
    sandbox.faults.set({ serverError: { rate: 0 } });
    now += 60_001;
    expect(await wms.upsertArticle('ACME', sampleArticle('X-5'))).toEqual({ outcome: 'created' });
    // Two refused orders, each after a successful lookup: the count restarts, so no pause.
    const bad = { ...sampleOrder(), orderLines: [{ articleNumber: 'NOT-THERE', numberOfItems: 1 }] };
    for (let i = 0; i < 2; i++) expect((await errorOf(wms.upsertOrder('ACME', bad))).kind).toBe('record');
    expect((await wms.upsertArticle('ACME', sampleArticle('X-6'))).outcome).toBe('created');
  });

  it('reads stock changes with stockInfoChangedFrom only within its 24-hour limit, else sweeps all', async () => {
    const { wms, sandbox } = await adapter();
    await wms.upsertArticle('ACME', sampleArticle('ART-1'));
    await wms.listStock('ACME', undefined, new Date(Date.now() - 3600_000));
    await wms.listStock('ACME', undefined, new Date(Date.now() - 30 * 3600_000));
    const reads = sandbox.recorder.requests.filter((r) => r.method === 'GET' && r.path === '/api/v1/articles');
    expect(reads[0]!.query.stockInfoChangedFrom).toBeDefined();
    expect(reads[1]!.query.stockInfoChangedFrom).toBeUndefined();
    expect(reads[1]!.query).toMatchObject({ goodsOwnerId: '159', maxArticlesToGet: '100' });
  });

  it('pages with articleSystemIdFrom = last id + 1 until a short page', async () => {
    const { wms, sandbox } = await adapter({}, { pageSize: 2 });
    for (const n of ['A', 'B', 'C', 'D', 'E']) await wms.upsertArticle('ACME', sampleArticle(n));
    expect((await wms.listStock('ACME')).map((s) => s.articleNumber)).toEqual(['A', 'B', 'C', 'D', 'E']);
    const froms = sandbox.recorder.requests.filter((r) => r.method === 'GET').map((r) => r.query.articleSystemIdFrom);
    expect(froms).toEqual([undefined, '18002', '18004']);
  });

  it('acknowledges only what a report carried when the warehouse picked more since', async () => {
    const { wms, sandbox } = await adapter();
    for (const n of ['ART-1001', 'ART-1002']) await wms.upsertArticle('ACME', sampleArticle(n));
    await wms.upsertOrder('ACME', sampleOrder());
    sandbox.store.ship('SO-5001', { picked: [{ rowNumber: 'L-1', quantity: 1 }, { rowNumber: 'L-2', quantity: 0 }], waybill: 'W-1' });
    const [event] = (await wms.poll('', 100)).events;
    sandbox.store.ship('SO-5001', { picked: [{ rowNumber: 'L-1', quantity: 3 }, { rowNumber: 'L-2', quantity: 2 }], waybill: 'W-2', status: 500 });
    await wms.ack(event!);
    expect(sandbox.store.order('SO-5001').lines.map((l) => l.reported)).toEqual([1, 0]);
    const [rest] = (await wms.poll('', 100)).events;
    expect(rest!.id).not.toBe(event!.id);
    await wms.ack(rest!);
    expect(sandbox.store.order('SO-5001').lines.map((l) => l.reported)).toEqual([3, 2]);
    expect((await wms.poll('', 100)).events).toEqual([]);
  });

  it('polls at most once per interval unless a webhook with the shared token woke it', async () => {
    const { wms, sandbox } = await adapter({}, { pollIntervalSeconds: 3600 });
    await wms.poll('', 100);
    const reads = () => sandbox.recorder.requests.length;
    const after = reads();
    await wms.poll('', 100);
    expect(reads()).toBe(after);
    expect(wms.acceptsWebhookToken('wrong')).toBe(false);
    expect(wms.acceptsWebhookToken(undefined)).toBe(false);
    expect(wms.acceptsWebhookToken('hook-secret')).toBe(true);
    wms.wake();
    await wms.poll('', 100);
    expect(reads()).toBeGreaterThan(after);
  });

  it('tests the connection with the goods owner id, and names a wrong password', async () => {
    const { wms } = await adapter();
    await wms.testConnection();
    const wrong = createOngoingWms(
      { code: 'ACME', statusRules: defaultStatusRules, wmsSettings: { baseUrl: running!.url, goodsOwnerId: 159 }, wmsSecrets: { username: 'WSI-sandbox', password: 'nope' } },
      { clock: systemClock },
    );
    const e = await errorOf(wrong.testConnection());
    expect(e.kind).toBe('config');
    expect(e.message).toContain('401');
  });

  it('works over fetch too when a tenant is switched to it', async () => {
    const { wms } = await adapter({}, { transport: 'fetch' });
    expect(await wms.upsertArticle('ACME', sampleArticle('F-1'))).toEqual({ outcome: 'created' });
  });
});

describe('node https transport', () => {
  it('sends an explicit Content-Length and hands back status, headers and body', async () => {
    const seen: { length?: string; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ length: req.headers['content-length'], body });
        res.writeHead(201, { 'content-type': 'application/json', 'x-test': 'yes' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const response = await nodeHttpsFetch()(`http://127.0.0.1:${port}/x`, { method: 'PUT', body: '{"å":1}', headers: { 'content-type': 'application/json' } });
      expect(response.status).toBe(201);
      expect(response.headers.get('x-test')).toBe('yes');
      expect(await response.json()).toEqual({ ok: true });
      expect(seen).toEqual([{ length: String(Buffer.byteLength('{"å":1}')), body: '{"å":1}' }]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
