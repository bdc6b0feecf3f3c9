import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { cliEnv, startHub } from './support/cli.js';
import { openTestStore } from './support/stores.js';
import type { TestStore } from './support/stores.js';

const readme = readFileSync(path.resolve(import.meta.dirname, '../README.md'), 'utf8');

/** The commands of the first sh block after a heading, without their comments. */
function walkThrough(heading: string): string[] {
  const section = readme.slice(readme.indexOf(heading));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter(Boolean);
}

/** Words as a shell splits them: spaces, and double quotes around a word with spaces. */
const words = (line: string): string[] => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);

/**
 * "See data flow in two minutes", command by command as the README writes it: the hub started as
 * `npm start` starts it (from the sources, on a free port instead of 8080), every `npx wmsync`
 * run as the binary runs it with the hub's environment, ORDER the first order the list shows.
 */
describe('the README walk-through', () => {
  let store: TestStore;
  let stopHub: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await stopHub?.();
    await store?.drop();
  });

  it('works as written, from an empty data directory to the delivery report sent', async () => {
    store = await openTestStore();
    const env: Record<string, string> = cliEnv(store);
    const wmsync = async (args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, env);
      return { code, stdout: out.join('\n'), stderr: err.join('\n') };
    };
    const until = async <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> => {
      for (let i = 0; i < 150; i++) {
        const found = await probe();
        if (found !== undefined) return found;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`the walk-through waited in vain for ${what}`);
    };

    const commands = walkThrough('## See data flow in two minutes');
    expect(commands).toHaveLength(7);
    let order: string | undefined;
    for (const command of commands) {
      if (command === 'npm start') {
        const hub = await startHub(store);
        stopHub = hub.stop;
        env.WMSYNC_PORT = new URL(hub.url).port;
        continue;
      }
      const [npx, bin, ...args] = words(command.replace('ORDER', order ?? 'ORDER'));
      expect([npx, bin], command).toEqual(['npx', 'wmsync']);
      if (args.join(' ').startsWith('wms orders list')) {
        // "The scheduler imports articles and orders at once": the list fills as the hub imports.
        order = await until('the imported orders', async () => {
          const listed = await wmsync(args);
          expect(listed.code, `${command}: ${listed.stderr}`).toBe(0);
          return listed.stdout.split('\n')[1]?.split(/\s+/)[0];
        });
        continue;
      }
      if (args[0] === 'runs') {
        const report = await until('the delivery report', async () => {
          const listed = await wmsync(args);
          expect(listed.code, `${command}: ${listed.stderr}`).toBe(0);
          return listed.stdout.split('\n').find((line) => /delivery-report\s+(succeeded|failed|partial)/.test(line) && !/nothing to do/.test(line));
        });
        if (/partial|failed/.test(report)) {
          // A cash-on-delivery order: the README's next paragraph says what to do, and that is done as written.
          const remedy = [...readme.matchAll(/`(npx wmsync integrations set 1 allowOpenCashOnDeliveryPayments=yes|npx wmsync runs retry 1 --flow delivery-report)`/g)].map((m) => m[1]!);
          expect(remedy).toHaveLength(2);
          for (const line of remedy) expect((await wmsync(words(line).slice(2))).code, line).toBe(0);
        }
        const shown = await wmsync(['--json', 'runs', 'list']);
        const runs = (JSON.parse(shown.stdout) as { items: { flow: string; status: string; counts: { sent?: number } }[] }).items;
        expect(runs.find((r) => r.flow === 'delivery-report' && r.counts.sent === 1)).toMatchObject({ status: 'succeeded' });
        continue;
      }
      const result = await wmsync(args);
      expect(result.stderr, command).toBe('');
      expect(result.code, command).toBe(0);
    }
  }, 90_000);
});
