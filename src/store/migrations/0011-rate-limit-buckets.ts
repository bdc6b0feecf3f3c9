import { sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.js';
import { notNull } from './columns.js';

/**
 * The token bucket of each credential, shared by every process of a cluster (ADR 0012). Times
 * are milliseconds since 1970 on the database's clock, the one clock every process agrees on.
 * UNLOGGED on PostgreSQL: a take is then not a WAL flush, which halves its cost; after a crash
 * or a fail-over the buckets start full again, which costs the systems one burst at most.
 */
export const rateLimitBuckets = (dialect: Dialect): Migration => ({
  async up(db: Kysely<any>) {
    const table = db.schema.createTable('rate_limit_buckets');
    await (dialect === 'postgres' ? table.modifyFront(sql`unlogged`) : table)
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('tokens', 'double precision', notNull)
      .addColumn('refilled_at', 'double precision', notNull)
      .addColumn('paused_until', 'double precision', notNull)
      .addColumn('granted', 'integer', notNull)
      .execute();
  },
});
