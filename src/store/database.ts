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
  /**
   * Runs `work` in one transaction that the transactions begun inside it join (as savepoints):
   * a page of an import then commits once, not once per record. SQLite only, where one
   * connection serves the process; absent on PostgreSQL, where each transaction has a
   * connection of its own from the pool.
   */
  writeBatch?<T>(work: () => Promise<T>): Promise<T>;
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
 *
 * Inside a write batch (the connection already in a transaction: Kysely's mutex lets only one
 * transaction hold the connection at a time, so an open one can only be the batch) a transaction
 * becomes a savepoint, so that its rollback still undoes just its own work.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  /** Per open transaction, innermost last: whether it is a savepoint in a batch. */
  private readonly nested: boolean[] = [];

  constructor(
    config: SqliteDialectConfig,
    private readonly sqlite: BetterSqlite3.Database,
  ) {
    super(config);
  }
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const inBatch = this.sqlite.inTransaction;
    await connection.executeQuery(CompiledQuery.raw(inBatch ? 'savepoint in_batch' : 'begin immediate'));
    this.nested.push(inBatch);
  }
  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(this.nested.pop() ? 'release in_batch' : 'commit'));
  }
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.nested.pop()) return void (await connection.executeQuery(CompiledQuery.raw('rollback')));
    await connection.executeQuery(CompiledQuery.raw('rollback to in_batch'));
    await connection.executeQuery(CompiledQuery.raw('release in_batch'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly settings: SqliteDialectConfig,
    private readonly sqlite: BetterSqlite3.Database,
  ) {
    super(settings);
  }
  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver(this.settings, this.sqlite);
  }
}

/**
 * Kysely prepares every statement it runs; the same few hundred texts come back for every record,
 * so each is prepared once. Bounded (oldest out first), since texts with IN lists vary in length.
 * Safe on one connection: Kysely's mutex runs one statement at a time.
 */
function withStatementCache(sqlite: BetterSqlite3.Database, size = 1000): SqliteDialectConfig['database'] {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
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
  sqlite.pragma('temp_store = MEMORY');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }, sqlite) });
  /**
   * Begun and ended through Kysely, so that it waits for a transaction holding the connection. The
   * work inside must only write this database (no network in between): another task's statement
   * interleaved there would join the batch, and go if it rolled back.
   */
  async function writeBatch<T>(work: () => Promise<T>): Promise<T> {
    // Within a batch already, the work joins it (another task's open transaction: it runs unbatched).
    if (sqlite.inTransaction) return work();
    await db.executeQuery(CompiledQuery.raw('begin immediate'));
    try {
      const result = await work();
      await db.executeQuery(CompiledQuery.raw('commit'));
      return result;
    } catch (e) {
      if (sqlite.inTransaction) await db.executeQuery(CompiledQuery.raw('rollback'));
      throw e;
    }
  }
  return { db, dialect: 'sqlite', describe: `sqlite ${file}`, writeBatch, close: () => db.destroy() };
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
