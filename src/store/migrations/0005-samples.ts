import type { Kysely, Migration } from 'kysely';
import { notNull } from './columns.js';

/** Recently fetched source records per flow: what a mapping preview runs the changed table on. */
export const samples = (): Migration => ({
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('source_samples')
      .addColumn('integration_id', 'bigint', (c) => c.notNull().references('integrations.id').onDelete('cascade'))
      .addColumn('flow', 'text', notNull)
      .addColumn('external_id', 'text', notNull)
      .addColumn('record', 'text', notNull)
      .addColumn('source', 'text', notNull)
      .addColumn('fetched_at', 'text', notNull)
      .addPrimaryKeyConstraint('source_samples_pk', ['integration_id', 'flow', 'external_id'])
      .execute();
  },
});
