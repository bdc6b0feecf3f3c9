import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWmsyncError } from '../../kernel/errors.js';
import { createOutboundPolicy } from './outbound.js';

describe('the outbound policy: no private, loopback or link-local target unless the hub allows it', () => {
  let server: Server;
  let base: string;
  const seen: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.url ?? '');
      res.end('ok');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  const refusal = async (work: () => unknown): Promise<string> => {
    try {
      await work();
    } catch (e) {
      if (isWmsyncError(e) && e.kind === 'config') return e.message;
      throw e;
    }
    throw new Error('was not refused');
  };

  it('refuses each kind of non-public address, by IP literal or as localhost', async () => {
    const policy = createOutboundPolicy({ allowPrivate: [], trustedPrefixes: () => [] });
    for (const url of ['http://127.0.0.1:5432/', 'http://[::1]:6379/', 'http://10.1.2.3/', 'http://172.20.0.1/', 'http://192.168.1.1/', 'http://169.254.169.254/latest/meta-data/', 'http://0.0.0.0:8080/', 'http://[::ffff:127.0.0.1]/', 'http://[fe80::1]/', 'http://[fd00::1]/', 'http://localhost:8080/metrics', 'http://api.localhost/', 'http://2130706433/', 'http://0x7f.1/']) {
      expect(await refusal(() => policy.checkUrl(url, 'baseUrl')), url).toMatch(/private, loopback or link-local address .*WMSYNC_ALLOW_PRIVATE_TARGETS/);
    }
    expect(() => policy.checkUrl('https://acme.mycashflow.fi/api/v1')).not.toThrow();
    expect(() => policy.checkUrl('https://93.184.215.14/')).not.toThrow();
    expect(await refusal(() => policy.checkUrl('file:///etc/passwd'))).toMatch(/http or https/);
  });

  it('refuses before connecting: the target never sees the request', async () => {
    const policy = createOutboundPolicy({ allowPrivate: [], trustedPrefixes: () => [] });
    seen.length = 0;
    expect(await refusal(() => policy.fetch(`${base}/api/v1/orders`))).toMatch(/127\.0\.0\.1/);
    expect(seen).toEqual([]);
  });

  it('checks a name as it resolves, so a name that points at loopback (DNS rebinding) gets nowhere', async () => {
    const lookup = ((_host: string, _options: unknown, callback: (e: null, a: { address: string; family: number }[]) => void) => callback(null, [{ address: '127.0.0.1', family: 4 }])) as never;
    const policy = createOutboundPolicy({ allowPrivate: [], trustedPrefixes: () => [], lookup });
    const port = new URL(base).port;
    seen.length = 0;
    expect(() => policy.checkUrl(`http://shop.example:${port}/`)).not.toThrow();
    expect(await refusal(() => policy.fetch(`http://shop.example:${port}/api`))).toMatch(/shop\.example is a private, loopback or link-local address \(127\.0\.0\.1\)/);
    expect(seen).toEqual([]);
  });

  it("lets the hub's own sandboxes through, and nothing else of the hub", async () => {
    const policy = createOutboundPolicy({ allowPrivate: [], trustedPrefixes: () => [`${base}/sandbox/`] });
    seen.length = 0;
    expect((await policy.fetch(`${base}/sandbox/mycashflow/api/v1/products`)).status).toBe(200);
    expect(await refusal(() => policy.fetch(`${base}/metrics`))).toMatch(/private/);
    expect(await refusal(() => policy.fetch(`${base}/sandbox/../metrics`))).toMatch(/private/);
    expect(seen).toEqual(['/sandbox/mycashflow/api/v1/products']);
  });

  it("follows the administrator's exceptions: an address, a range, or everything", async () => {
    expect((await createOutboundPolicy({ allowPrivate: ['127.0.0.1'], trustedPrefixes: () => [] }).fetch(`${base}/x`)).status).toBe(200);
    expect((await createOutboundPolicy({ allowPrivate: ['127.0.0.0/8'], trustedPrefixes: () => [] }).fetch(`${base}/x`)).status).toBe(200);
    expect(() => createOutboundPolicy({ allowPrivate: ['*'], trustedPrefixes: () => [] }).checkUrl('http://10.0.0.1/')).not.toThrow();
    expect(() => createOutboundPolicy({ allowPrivate: ['10.0.0.0/8'], trustedPrefixes: () => [] }).checkUrl('http://192.168.0.1/')).toThrow(/private/);
    expect(() => createOutboundPolicy({ allowPrivate: ['not-an-ip'], trustedPrefixes: () => [] })).toThrow(/not an IP address or CIDR range/);
  });
});
