import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';
import { cliEnv, runCli, startHub } from '../support/cli.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

/**
 * `wmsync sync` next to a running hub: the hub's workers run the flow, with the hub's own address
 * (the sandbox integration's API is served by the hub), and the CLI waits for that run.
 */
describe('wmsync sync with the hub up', () => {
  let store: TestStore;
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    await store?.drop();
  });

  it("hands the flow to the hub's worker and prints that run", async () => {
    store = await openTestStore();
    expect((await runCli(store, 'goods-owners', 'add', 'ACME', '--name', 'Acme Oy')).code).toBe(0);
    const added = await runCli(store, '--json', 'integrations', 'add', '--goods-owner', 'ACME', '--system', 'mycashflow', '--set', 'environment=sandbox');
    const { id } = added.json<{ id: number }>();
    // Paused first, so that the hub's own first scheduled runs do not race the one asked for.
    expect((await runCli(store, 'integrations', 'pause', String(id))).code).toBe(0);

    const hub = await startHub(store);
    stop = hub.stop;
    const { url } = hub;
    expect((await runCli(store, 'integrations', 'resume', String(id))).code).toBe(0);

    const out: string[] = [];
    const err: string[] = [];
    const port = new URL(url).port;
    const code = await main(['--json', 'sync', String(id), '--flow', 'article-import'], { out: (t) => out.push(t), err: (t) => err.push(t) }, { ...cliEnv(store), WMSYNC_PORT: port });
    expect(err.join('\n')).toBe('');
    expect(code).toBe(0);
    const [run] = JSON.parse(out.join('\n')) as { runId: number; status: string; counts: { created: number } }[];
    expect(run).toMatchObject({ status: 'succeeded' });
    expect(run!.counts.created).toBeGreaterThan(0);
    // The hub's scheduler ran it: its log names the run. The CLI sees the run finished in the
    // database a moment before the hub's log line comes through its stdout pipe.
    await expect.poll(() => hub.log(), { timeout: 10_000 }).toMatch(new RegExp(`"run":${run!.runId}\\b[^\\n]*run finished|run finished[^\\n]*"run":${run!.runId}\\b`));
  }, 60_000);
});
