import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliEnv, listening, spawnCli, startHub } from '../support/cli.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

describe('wmsync serve', () => {
  let store: TestStore;
  afterEach(() => store?.drop());

  it('serves the API on 127.0.0.1 by default and stops cleanly on SIGTERM', async () => {
    store = await openTestStore();
    const { url, log, child } = await startHub(store);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const owners = await fetch(`${url}/api/v1/goods-owners`, { method: 'POST', body: JSON.stringify({ code: 'LIVE', name: 'Live Oy' }), headers: { 'content-type': 'application/json' } });
    expect(owners.status).toBe(201);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(log()).toContain('shutting down');
  });
});

describe('wmsync sandbox', () => {
  it('serves a system simulator on its own port, with the credentials to use', async () => {
    const store = await openTestStore();
    const child = spawnCli(store, ['--json', 'sandbox', 'mycashflow', '--port', '0', '--seed', '2']);
    try {
      const info = await new Promise<{ url: string; credentials: Record<string, string> }>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!));
        });
        child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
      });
      expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
      const auth = Buffer.from(`${info.credentials.username}:${info.credentials.apiKey}`).toString('base64');
      const products = await fetch(`${info.url}/products?page_size=2`, { headers: { authorization: `Basic ${auth}` } });
      expect(products.status).toBe(200);
      expect(((await products.json()) as { data: unknown[] }).data).toHaveLength(2);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
      await store.drop();
    }
  });
});

const built = existsSync(path.resolve(import.meta.dirname, '../../dist/src/main.js'));

describe.skipIf(!built)(built ? 'the installed wmsync binary' : 'the installed wmsync binary (skipped: run `npm run build` first)', () => {
  it('starts the hub as `npm start` does, from the compiled package', async () => {
    const store = await openTestStore();
    const child = spawn(process.execPath, [path.resolve(import.meta.dirname, '../../bin/wmsync.js'), 'serve', '--port', '0'], {
      env: { ...process.env, ...cliEnv(store), WMSYNC_LOG_LEVEL: 'info', WMSYNC_LOG_PRETTY: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const { url } = await listening(child);
      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
      await store.drop();
    }
  });
});

describe('wmsync worker', () => {
  it('runs scheduled flows without serving HTTP, and finishes its runs on SIGTERM', async () => {
    const { startMycashflowSandbox } = await import('../../connectors/mycashflow/sandbox/server.js');
    const { runCli } = await import('../support/cli.js');
    const sandbox = await startMycashflowSandbox({ port: 0, seed: 4, products: 8, orders: 10, rateLimit: { perSecond: 0, burst: 0 } });
    const store = await openTestStore();
    await runCli(store, 'goods-owners', 'add', 'ACME', '--name', 'Acme Oy');
    const added = await runCli(store, '--json', 'integrations', 'add', '--goods-owner', 'ACME', '--system', 'mycashflow', '--set', `baseUrl=${sandbox.url}`, '--secret', 'username=api@sandbox.example', '--secret', 'apiKey=sandbox-key');
    const id = added.json<{ id: number }>().id;
    const child = spawnCli(store, ['worker']);
    try {
      const deadline = Date.now() + 15_000;
      let runs: { flow: string; status: string }[] = [];
      while (Date.now() < deadline) {
        runs = (await runCli(store, '--json', 'runs', 'list', '--integration', String(id))).json().items;
        if (runs.filter((r) => r.status === 'succeeded').length >= 3) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(runs.map((r) => r.flow).sort()).toEqual(['article-import', 'delivery-report', 'order-import']);
      expect((await runCli(store, '--json', 'wms', 'articles', 'list', '--goods-owner', 'ACME')).json().items.length).toBeGreaterThan(0);
    } finally {
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
      await sandbox.close();
      await store.drop();
    }
  });
});
