import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { runCli } from '../support/cli.js';
import { sampleArticle } from '../support/fixtures.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

/** Every `list` of the command tree, as the words that run it: found in the tree, so a new one cannot be left out. */
function listCommands(): string[][] {
  const unused = () => Promise.reject(new Error('not run'));
  const program = buildProgram({ out: () => undefined, err: () => undefined }, { run: unused, serve: unused, version: '0', untilStopped: unused });
  const walk = (cmd: Command, words: string[]): string[][] =>
    cmd.commands.flatMap((sub) => (sub.name() === 'list' ? [[...words, 'list']] : walk(sub, [...words, sub.name()])));
  return walk(program, []);
}

/** What a list needs besides its name: the goods owner of the WMS lists, the integration of its failures and reports. */
const argsOf = (words: string[]) => (words[0] === 'wms' ? ['--goods-owner', 'ACME'] : ['failures', 'reports'].includes(words[0]!) ? ['--integration', '1'] : []);

describe('every CLI list prints one JSON shape, {items, next}, paged by --limit and --after', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore();
    const ok = async (...args: string[]) => expect((await runCli(store, ...args)).code, args.join(' ')).toBe(0);
    await ok('goods-owners', 'add', 'ACME', '--name', 'Acme Oy');
    await ok('goods-owners', 'add', 'BETA', '--name', 'Beta Oy');
    for (const n of ['ART-1', 'ART-2', 'ART-3']) {
      const file = path.join(store.dataDir, `${n}.json`);
      writeFileSync(file, JSON.stringify(sampleArticle(n)));
      await ok('wms', 'articles', 'put', '--goods-owner', 'ACME', '--file', file);
    }
    for (const owner of ['ACME', 'BETA']) await ok('integrations', 'add', '--goods-owner', owner, '--system', 'mycashflow', '--set', 'environment=sandbox');
    for (const email of ['a@acme.example', 'b@acme.example']) await ok('users', 'add', email, '--role', 'admin', '--password', 'a long passphrase');
  });
  afterAll(() => store?.drop());

  it('finds the list commands in the command tree', () => {
    expect(listCommands().map((w) => w.join(' '))).toEqual(
      expect.arrayContaining(['goods-owners list', 'wms articles list', 'wms orders list', 'wms purchase-orders list', 'wms suppliers list', 'wms stock list', 'connectors list', 'integrations list', 'runs list', 'users list', 'failures list', 'reports list']),
    );
  });

  it.each(listCommands().map((w) => [w.join(' '), w]))('%s --json', async (_name, words) => {
    const result = await runCli(store, '--json', ...words, ...argsOf(words));
    expect(result.code, result.stderr).toBe(0);
    const page = result.json();
    expect(Object.keys(page).sort()).toEqual(['items', 'next']);
    expect(Array.isArray(page.items)).toBe(true);
    expect(page.next).toBeNull();
  });

  it.each([
    ['goods-owners list', ['ACME', 'BETA'], (i: { code: string }) => i.code],
    ['wms stock list', ['ART-1', 'ART-2', 'ART-3'], (i: { articleNumber: string }) => i.articleNumber],
    ['wms articles list', ['ART-1', 'ART-2', 'ART-3'], (i: { articleNumber: string }) => i.articleNumber],
    ['integrations list', [1, 2], (i: { id: number }) => i.id],
    ['users list', ['a@acme.example', 'b@acme.example'], (i: { email: string }) => i.email],
  ] as [string, (string | number)[], (i: any) => string | number][])('%s pages with --limit 1 and --after NEXT to the end', async (name, all, keyOf) => {
    const words = name.split(' ');
    const seen: (string | number)[] = [];
    let after: string | null | undefined;
    for (let pages = 0; after !== null; pages++) {
      expect(pages).toBeLessThan(all.length);
      const result = await runCli(store, '--json', ...words, ...argsOf(words), '--limit', '1', ...(after === undefined ? [] : ['--after', after]));
      expect(result.code, result.stderr).toBe(0);
      const page = result.json();
      expect(page.items).toHaveLength(1);
      seen.push(keyOf(page.items[0]));
      after = page.next;
    }
    expect(seen).toEqual(all);
    // The human form says how to go on.
    expect((await runCli(store, ...words, ...argsOf(words), '--limit', '1')).stdout).toContain(`(more: --after ${String(all[0])})`);
  });
});
