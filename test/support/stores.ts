import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openStore } from '../../src/store/database.js';
import type { Dialect, Store } from '../../src/store/database.js';

/** The PostgreSQL URL under test: DATABASE_URL when the suite runs "on PostgreSQL". */
export const postgresUrl = (): string | undefined => process.env.DATABASE_URL;

/** Dialects a contract suite runs on: SQLite always, PostgreSQL when a URL is given. */
export const dialectsUnderTest = (): Dialect[] => (postgresUrl() ? ['sqlite', 'postgres'] : ['sqlite']);

/** The dialect the rest of the suite runs on, as the product would: PostgreSQL when DATABASE_URL is set. */
export const defaultDialect = (): Dialect => (postgresUrl() ? 'postgres' : 'sqlite');

export interface TestStore extends Store {
  /** The data directory (also used for SQLite's file). */
  dataDir: string;
  /** The PostgreSQL schema when on PostgreSQL: pass it on to anything else that opens the store. */
  schema?: string;
  drop(): Promise<void>;
}

/** A fresh, empty store: a new SQLite file in a temp dir, or a new PostgreSQL schema. */
export async function openTestStore(dialect: Dialect = defaultDialect()): Promise<TestStore> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wmsync-test-'));
  const schema = dialect === 'postgres' ? `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}` : undefined;
  const url = dialect === 'postgres' ? postgresUrl() : undefined;
  if (dialect === 'postgres' && !url) throw new Error('DATABASE_URL is needed for PostgreSQL tests');
  const store = await openStore({ url, dataDir, schema, poolSize: 4 });
  return {
    ...store,
    dataDir,
    ...(schema ? { schema } : {}),
    async drop() {
      await store.close();
      if (schema && url) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
