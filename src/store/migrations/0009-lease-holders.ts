import type { Kysely, Migration } from 'kysely';

/**
 * Where a lease's holder runs (host name and process id), so that a worker restarted on the same
 * host can tell its own dead predecessor's lease and take it at once instead of waiting it out.
 */
export const leaseHolders = (): Migration => ({
  async up(db: Kysely<any>) {
    // One column a statement: SQLite's ALTER TABLE adds one at a time.
    await db.schema.alterTable('schedules').addColumn('lease_host', 'text').execute();
    await db.schema.alterTable('schedules').addColumn('lease_pid', 'integer').execute();
  },
});
