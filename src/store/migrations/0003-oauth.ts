import type { Kysely, Migration } from 'kysely';
import { notNull } from './columns.js';

/** OAuth 2 `state` values in flight: one per authorization started, single use, short-lived. */
export const oauth = (): Migration => ({
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('oauth_states')
      .addColumn('state', 'text', (c) => c.primaryKey())
      .addColumn('integration_id', 'bigint', (c) => c.notNull().references('integrations.id').onDelete('cascade'))
      .addColumn('redirect_uri', 'text', notNull)
      .addColumn('expires_at', 'text', notNull)
      .execute();
  },
});
