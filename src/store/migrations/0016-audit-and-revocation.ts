import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.js';
import { notNull, withId } from './columns.js';

/**
 * Who changed what (`audit_log`), and what an administrator needs to revoke a sign-in: whether a
 * session row is a browser session or an API token, and since when it exists (docs/adr/0020).
 */
export const auditAndRevocation = (dialect: Dialect): Migration => ({
  async up(db: Kysely<any>) {
    await withId(db.schema.createTable('audit_log'), dialect)
      .addColumn('at', 'text', notNull)
      .addColumn('actor', 'text', notNull)
      .addColumn('actor_user_id', 'bigint')
      .addColumn('kind', 'text', notNull)
      .addColumn('record', 'text', notNull)
      .addColumn('goods_owner', 'text')
      .addColumn('action', 'text', notNull)
      .addColumn('changes', 'text', notNull)
      .execute();
    // A goods-owner user reads its own entries, newest first.
    await db.schema.createIndex('audit_log_goods_owner').on('audit_log').columns(['goods_owner', 'id']).execute();
    // Rows from before this migration are sessions or tokens alike; they are listed as sessions.
    await db.schema.alterTable('sessions').addColumn('kind', 'text', (c) => c.notNull().defaultTo('session')).execute();
    await db.schema.alterTable('sessions').addColumn('created_at', 'text').execute();
  },
});
