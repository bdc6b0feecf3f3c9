import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

/** Bad input of every sort: a message in the product's words and the README's exit code, never a stack trace. */
describe('the CLI answers bad invocations without a stack trace', () => {
  let store: TestStore;
  let broken: string;
  beforeAll(async () => {
    store = await openTestStore();
    expect((await runCli(store, 'goods-owners', 'add', 'ACME', '--name', 'Acme Oy')).code).toBe(0);
    broken = path.join(store.dataDir, 'broken.json');
    writeFileSync(broken, '{\n  "articleNumber": "A-1",\n  "articleName": "Socks",\n}\n');
  });
  afterAll(() => store?.drop());

  const cases: [string, () => string[], number, RegExp][] = [
    ['an unknown command', () => ['frobnicate'], 2, /unknown command 'frobnicate'/],
    ['an unknown subcommand', () => ['goods-owners', 'nope'], 2, /unknown command 'nope'/],
    ['an unknown option', () => ['goods-owners', 'list', '--colour'], 2, /unknown option '--colour'/],
    ['a missing required option', () => ['integrations', 'add', '--system', 'mycashflow'], 2, /required option '--goods-owner <code>' not specified/],
    ['a missing argument', () => ['goods-owners', 'add', '--name', 'x'], 2, /missing required argument 'code'/],
    ['a role that does not exist', () => ['users', 'add', 'a@b.example', '--role', 'wizard'], 2, /Allowed choices are admin, goods-owner/],
    ['a limit that is not a number', () => ['wms', 'orders', 'list', '--goods-owner', 'ACME', '--limit', 'abc'], 2, /"abc" is not a number/],
    ['a limit of zero', () => ['wms', 'articles', 'list', '--goods-owner', 'ACME', '--limit', '0'], 2, /"0" should be 1 or more/],
    ['a fractional limit', () => ['runs', 'list', '--limit', '2.5'], 2, /"2.5" is not a whole number/],
    ['an id that is not a number', () => ['integrations', 'show', 'abc'], 2, /"abc" is not a number/],
    ['a run id that is not a number', () => ['runs', 'show', 'x1'], 2, /"x1" is not a number/],
    ['a file that does not exist', () => ['wms', 'articles', 'put', '--goods-owner', 'ACME', '--file', '/no/such/file.json'], 2, /cannot read \/no\/such\/file\.json: there is no such file/],
    ['a directory for a file', () => ['wms', 'articles', 'put', '--goods-owner', 'ACME', '--file', store.dataDir], 2, /is a directory, not a file/],
    ['malformed JSON', () => ['wms', 'articles', 'put', '--goods-owner', 'ACME', '--file', broken], 2, /is not valid JSON at line 4, column 1/],
    ['an unknown goods owner', () => ['wms', 'articles', 'list', '--goods-owner', 'NOPE'], 3, /goods owner NOPE not found/],
    ['an unknown integration', () => ['integrations', 'show', '99'], 3, /integration 99 not found/],
    ['an unknown run', () => ['runs', 'show', '99'], 3, /run 99 not found/],
    ['an unknown system', () => ['integrations', 'add', '--goods-owner', 'ACME', '--system', 'sap'], 2, /unknown system "sap"/],
    ['an unknown setting', () => ['integrations', 'add', '--goods-owner', 'ACME', '--system', 'mycashflow', '--set', 'colour=blue'], 2, /colour/],
    ['a setting without a value', () => ['integrations', 'add', '--goods-owner', 'ACME', '--system', 'mycashflow', '--set', 'colour'], 2, /"colour" should be KEY=VALUE/],
    ['a goods owner code with spaces', () => ['goods-owners', 'add', 'A B', '--name', 'x'], 2, /must be 1-50 letters/],
    ['a second goods owner with the same code', () => ['goods-owners', 'add', 'ACME', '--name', 'Again'], 4, /ACME/],
    ['an unknown connector to describe', () => ['connectors', 'describe', 'sap'], 2, /unknown system "sap"/],
  ];

  it.each(cases)('%s', async (_what, args, code, message) => {
    const result = await runCli(store, ...args());
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(code);
    expect(result.stderr).not.toMatch(/\n\s+at |file:\/\/|SqliteError|node:internal/);
  });

  it('prints the stack trace of an internal error only with --debug', async () => {
    const plain = await runCli(store, 'integrations', 'show', 'abc');
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = await runCli(store, '--debug', 'integrations', 'show', 'abc');
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
