import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver } from 'kysely';
import type { DatabaseConnection, SqliteDialectConfig } from 'kysely';
import pg from 'pg';
import { ensureDataDir, ensurePrivateFile } from '../kernel/data-dir.js';
import type { Database } from './tables.js';
import { migrateToLatest } from './migrate.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Human description without credentials, for logs. */
  describe: string;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** postgres:// URL; when absent, SQLite in dataDir. */
  url?: string | undefined;
  dataDir: string;
  /** PostgreSQL schema (created when missing); lets tests and tenants share one database. */
  schema?: string | undefined;
  poolSize?: number;
}

/** Opens the database for the configured dialect and runs the migrations. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const store = options.url ? await openPostgres(options.url, options) : openSqlite(options.dataDir);
  try {
    await migrateToLatest(store.db, store.dialect, options.url ? options.schema : undefined);
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}

/**
 * Transactions take SQLite's write lock when they begin (BEGIN IMMEDIATE). A deferred one reads
 * first and asks for the lock at its first write; if another process (the CLI beside the hub)
 * committed in between, SQLite refuses at once with "database is locked", whatever the busy
 * timeout, where an immediate one simply waits its turn.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }
  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

function openSqlite(dataDir: string): Store {
  ensureDataDir(dataDir);
  const file = path.resolve(dataDir, 'wmsync.sqlite');
  ensurePrivateFile(file);
  const sqlite = new BetterSqlite3(file);
  // WAL lets readers go on while one writer commits; busy_timeout makes a second process wait, not fail.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', describe: `sqlite ${file}`, close: () => db.destroy() };
}

// int8 (COUNT(*), bigserial) arrives as a string by default; our ids and counts fit in a double.
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

async function openPostgres(url: string, options: StoreOptions): Promise<Store> {
  if (options.schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types: pgTypes,
    ...(options.schema ? { options: `-c search_path="${options.schema}"` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const where = new URL(url);
  const describe = `postgres ${where.hostname}:${where.port || 5432}${where.pathname}${options.schema ? ` schema ${options.schema}` : ''}`;
  return { db, dialect: 'postgres', describe, close: () => db.destroy() };
}
