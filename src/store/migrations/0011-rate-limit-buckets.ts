import type { Kysely, Migration } from 'kysely';
import { notNull } from './columns.js';

/**
 * The token bucket of each credential, shared by every process of a cluster (ADR 0012). Times
 * are milliseconds since 1970 on the database's clock, the one clock every process agrees on.
 */
export const rateLimitBuckets = (): Migration => ({
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('rate_limit_buckets')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('tokens', 'double precision', notNull)
      .addColumn('refilled_at', 'double precision', notNull)
      .addColumn('paused_until', 'double precision', notNull)
      .addColumn('granted', 'integer', notNull)
      .execute();
  },
});
