import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnCli } from '../support/cli.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

describe('wmsync serve', () => {
  let store: TestStore;
  afterEach(() => store?.drop());

  it('serves the API on 127.0.0.1 by default and stops cleanly on SIGTERM', async () => {
    store = await openTestStore();
    const child = spawnCli(store, ['serve', '--port', '0']);
    let log = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        const m = /"url":"(http:\/\/[^"]+)"/.exec(log);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${log}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const owners = await fetch(`${url}/api/v1/goods-owners`, { method: 'POST', body: JSON.stringify({ code: 'LIVE', name: 'Live Oy' }), headers: { 'content-type': 'application/json' } });
    expect(owners.status).toBe(201);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(log).toContain('shutting down');
  });
});
