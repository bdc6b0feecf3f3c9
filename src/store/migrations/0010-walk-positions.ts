import type { Kysely, Migration } from 'kysely';
import { notNull } from './columns.js';

/**
 * Where an import's walk of a list that is not sorted by time had got to, after its last written
 * page: a run cut off mid-walk goes on from there instead of from the start (ADR 5).
 */
export const walkPositions = (): Migration => ({
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('walk_positions')
      .addColumn('integration_id', 'bigint', (c) => c.notNull().references('integrations.id').onDelete('cascade'))
      .addColumn('flow', 'text', notNull)
      .addColumn('position', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .addPrimaryKeyConstraint('walk_positions_pk', ['integration_id', 'flow'])
      .execute();
  },
});
