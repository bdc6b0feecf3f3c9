import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.js';
import { notNull, withId } from './columns.js';

/**
 * Work that must survive the process that accepted it (a webhook's records): stored before the
 * sender is answered, unique by key while it waits, and deleted once its run has written it.
 */
export const jobs = (dialect: Dialect): Migration => ({
  async up(db: Kysely<any>) {
    await withId(db.schema.createTable('jobs'), dialect)
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('integration_id', 'bigint', (c) => c.notNull().references('integrations.id').onDelete('cascade'))
      .addColumn('flow', 'text', notNull)
      .addColumn('type', 'text', notNull)
      .addColumn('payload', 'text', notNull)
      .addColumn('run_at', 'text', notNull)
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', notNull)
      .execute();
    // The runner reads the oldest job of each flow.
    await db.schema.createIndex('jobs_flow').on('jobs').columns(['integration_id', 'flow', 'id']).execute();
  },
});
