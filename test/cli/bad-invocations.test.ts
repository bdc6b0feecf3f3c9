import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
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
    const put = async (kind: string, name: string, record: unknown) => {
      const file = path.join(store.dataDir, name);
      writeFileSync(file, JSON.stringify(record));
      expect((await runCli(store, 'wms', kind, 'put', '--goods-owner', 'ACME', '--file', file)).code).toBe(0);
    };
    await put('articles', 'sock.json', { articleNumber: 'SOCK-1', articleName: 'Socks' });
    await put('orders', 'order.json', { orderInfo: { goodsOwnerOrderNumber: 'SO-1' }, orderLines: [{ articleNumber: 'SOCK-1', numberOfItems: 1 }] });
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
    ['a setting that should be a number', () => ['integrations', 'add', '--goods-owner', 'ACME', '--system', 'mycashflow', '--set', 'pageSize=abc'], 2, /pageSize="abc": is not a number$/],
    ['a setting above its limit', () => ['integrations', 'add', '--goods-owner', 'ACME', '--system', 'mycashflow', '--set', 'pageSize=5000'], 2, /pageSize="5000": should be 250 or less$/],
    ['a setting outside its choices', () => ['integrations', 'add', '--goods-owner', 'ACME', '--system', 'mycashflow', '--set', 'environment=moon'], 2, /environment="moon": should be one of production, test, sandbox$/],
    ['an article field that should be a number', () => ['wms', 'articles', 'put', '--goods-owner', 'ACME', '--file', writeJson('bad-price.json', { articleNumber: 'A-2', price: 'cheap' })], 2, /article A-2 refused: price="cheap": is not a number$/],
    ['picking more than a line ordered', () => ['wms', 'orders', 'set-status', 'SO-1', '--goods-owner', 'ACME', '--status', 'sent', '--picked', '1=99'], 2, /order SO-1 refused: picked\[row 1\]=99: is more than the 1 ordered of article SOCK-1 on row 1/],
    ['shipping what is not in stock', () => ['wms', 'orders', 'set-status', 'SO-1', '--goods-owner', 'ACME', '--status', 'sent'], 4, /order SO-1 cannot ship what is not in stock \(article SOCK-1: 1 to ship, 0 in stock\).*goods-owners set ACME --allow-negative-stock yes/],
    ['a negative-stock rule that is not yes or no', () => ['goods-owners', 'set', 'ACME', '--allow-negative-stock', 'maybe'], 2, /Allowed choices are yes, no/],
    ['a rule for an unknown goods owner', () => ['goods-owners', 'set', 'NOPE', '--allow-negative-stock', 'yes'], 3, /goods owner NOPE not found/],
    ['a runs cursor that is not a run id', () => ['runs', 'list', '--after', 'abc'], 2, /"abc" is not a number/],
    ['an integrations cursor that is not an id', () => ['integrations', 'list', '--after', 'x'], 2, /"x" is not a number/],
    ['a retry wait of zero seconds', () => ['runs', 'retry', '1', '--flow', 'delivery-report', '--wait', '0'], 2, /"0" should be 1 or more/],
  ];

  /** A JSON file in the test's data directory, for a case that needs one. */
  const writeJson = (name: string, value: unknown): string => {
    const file = path.join(store.dataDir, name);
    writeFileSync(file, JSON.stringify(value));
    return file;
  };

  it.each(cases)('%s', async (_what, args, code, message) => {
    const result = await runCli(store, ...args());
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(code);
    expect(result.stderr).not.toMatch(/\n\s+at |file:\/\/|SqliteError|node:internal|Invalid input|Too (big|small)|expected [a-z]+, received/);
  });

  it('names the port in use when a second hub starts on it, and exits 2', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const port = String((taken.address() as AddressInfo).port);
      const result = await runCli(store, 'serve', '--host', '127.0.0.1', '--port', port);
      expect(result.stderr).toMatch(new RegExp(`127\\.0\\.0\\.1:${port} is already in use: is another wmsync serve running\\?`));
      expect(result.stderr).not.toMatch(/\n\s+at |setupListenHandle/);
      expect(result.code).toBe(2);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('prints the stack trace of an internal error only with --debug', async () => {
    const plain = await runCli(store, 'integrations', 'show', 'abc');
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = await runCli(store, '--debug', 'integrations', 'show', 'abc');
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
