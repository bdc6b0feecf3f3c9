import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { startMycashflowSandbox } from '../../connectors/mycashflow/sandbox/server.js';
import { ongoingSandboxCredentials, startOngoingSandbox } from '../../src/wms/ongoing/sandbox/server.js';
import { runCli, spawnCli } from '../support/cli.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

/**
 * A real `wmsync sync … --flow delivery-report` process, SIGKILLed after the shop accepted the
 * report and the hub recorded it, while Ongoing's acknowledgement is still on its way: the next
 * run acknowledges it in Ongoing and calls the shop no more.
 */
describe('SIGKILL between the shop taking a report and its acknowledgement in Ongoing', () => {
  let store: TestStore;
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
    await store?.drop();
  });

  it('sends nothing twice, and the acknowledgement follows in the next run', async () => {
    store = await openTestStore();
    const shop = await startMycashflowSandbox({ port: 0, seed: 7, products: 10, orders: 12, rateLimit: { perSecond: 0, burst: 0 } });
    const ongoing = await startOngoingSandbox();
    closers.push(() => shop.close(), () => ongoing.close());
    const cli = (...args: string[]) => runCli(store, ...args);
    const { username, password } = ongoingSandboxCredentials;
    expect((await cli('goods-owners', 'add', 'ACME', '--name', 'Acme Oy', '--wms', 'ongoing', '--set', `baseUrl=${ongoing.url}`, '--set', 'goodsOwnerId=159', '--set', 'pollIntervalSeconds=0', '--secret', `username=${username}`, '--secret', `password=${password}`)).code).toBe(0);
    const added = await cli('--json', 'integrations', 'add', '--goods-owner', 'ACME', '--system', 'mycashflow', '--set', `baseUrl=${shop.url}`, '--set', 'storeName=acme', '--secret', 'username=api@sandbox.example', '--secret', 'apiKey=sandbox-key');
    const id = String(added.json<{ id: number }>().id);
    for (const flow of ['article-import', 'order-import']) expect((await cli('sync', id, '--flow', flow)).code).toBe(0);

    const number = [...ongoing.sandbox.store.orders.keys()].find((n) => {
      const payments = shop.sandbox.store.order(Number(n))?.payments ?? [];
      return payments.length === 1 && payments[0]!.payment_method_id !== 3;
    })!;
    ongoing.sandbox.store.ship(number, { waybill: 'JJFI64000321' });
    // The acknowledgement hangs in Ongoing: the process is killed while it waits for it.
    ongoing.sandbox.faults.set({ timeout: { rate: 1, match: '^PATCH ', ms: 60_000, mode: 'close' } });
    const quickProcessed = () => shop.sandbox.recorder.filter('POST', /\/orders\/\d+\/quick-process$/).length;
    const sent = () => store.db.selectFrom('outbox').select('status').where('status', '=', 'sent').execute();

    const child = spawnCli(store, ['sync', id, '--flow', 'delivery-report']);
    try {
      for (let tries = 0; (await sent()).length === 0; tries++) {
        if (tries > 800 || child.exitCode !== null) throw new Error('the report was never recorded as sent');
        await new Promise((r) => setTimeout(r, 25));
      }
    } finally {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    expect(quickProcessed()).toBe(1);
    const lines = () => ongoing.sandbox.store.order(number).lines;
    expect(lines().every((l) => l.reported === 0)).toBe(true);

    ongoing.sandbox.faults.set({ timeout: { rate: 0 } });
    const again = await cli('--json', 'sync', id, '--flow', 'delivery-report');
    expect(again.code).toBe(0);
    expect(again.json<{ counts: { sent: number } }[]>()[0]!.counts.sent ?? 0).toBe(0);
    expect(quickProcessed()).toBe(1);
    expect(lines().every((l) => l.reported === l.picked && l.picked > 0)).toBe(true);
  });
});
