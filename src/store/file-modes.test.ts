import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSecretKey } from '../kernel/secrets.js';
import { openStore } from './database.js';

const mode = (file: string) => statSync(file).mode & 0o777;

describe('the SQLite data directory and files are private to their user', () => {
  const roots: string[] = [];
  afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));
  const freshRoot = () => {
    const root = mkdtempSync(path.join(tmpdir(), 'wmsync-modes-'));
    roots.push(root);
    return root;
  };

  it('creates the data directory 0700 and the database, its -wal and -shm and the key 0600', async () => {
    const dataDir = path.join(freshRoot(), 'data');
    const store = await openStore({ dataDir });
    await store.db.insertInto('goods_owners').values({ code: 'ACME', name: 'Acme Oy', status_rules: '{}', created_at: '2026-12-03T00:00:00Z' }).execute();
    loadSecretKey(undefined, dataDir);
    expect(mode(dataDir)).toBe(0o700);
    for (const name of ['wmsync.sqlite', 'wmsync.sqlite-wal', 'wmsync.sqlite-shm', 'secret.key']) {
      expect(existsSync(path.join(dataDir, name)), name).toBe(true);
      expect(mode(path.join(dataDir, name)), name).toBe(0o600);
    }
    await store.close();
  });

  it('narrows a database file an older version left readable by all, and leaves an existing directory alone', async () => {
    const dataDir = freshRoot();
    chmodSync(dataDir, 0o755);
    const file = path.join(dataDir, 'wmsync.sqlite');
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    const store = await openStore({ dataDir });
    expect(mode(file)).toBe(0o600);
    expect(mode(dataDir)).toBe(0o755);
    await store.close();
  });
});
