import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.js';
import { notNull, withId } from './columns.js';

/** People who sign in to the hub, and their sessions. */
export const access = (dialect: Dialect): Migration => ({
  async up(db: Kysely<any>) {
    await withId(db.schema.createTable('users'), dialect)
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', notNull)
      .addColumn('role', 'text', notNull)
      .addColumn('goods_owner_id', 'bigint', (c) => c.references('goods_owners.id'))
      .addColumn('created_at', 'text', notNull)
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', notNull)
      .addColumn('expires_at', 'text', notNull)
      .execute();
  },
});
