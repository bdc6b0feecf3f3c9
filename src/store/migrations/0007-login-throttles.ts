import type { Kysely, Migration } from 'kysely';
import { notNull } from './columns.js';

/** Failed sign-ins per account and per address, shared by every process of a cluster (ADR 0007). */
export const loginThrottles = (): Migration => ({
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('login_throttles')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', notNull)
      .addColumn('blocked_until', 'text', notNull)
      .addColumn('last_failure_at', 'text', notNull)
      .execute();
  },
});
