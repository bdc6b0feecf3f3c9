import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.js';
import { notNull, withId } from './columns.js';

/** The sync engine: integrations, cursors, links, runs, failures, outbox, schedules. */
export const sync = (dialect: Dialect): Migration => ({
  async up(db: Kysely<any>) {
    await withId(db.schema.createTable('integrations'), dialect)
      .addColumn('goods_owner_id', 'bigint', (c) => c.notNull().references('goods_owners.id'))
      .addColumn('system', 'text', notNull)
      .addColumn('name', 'text', notNull)
      .addColumn('settings', 'text', notNull)
      .addColumn('secrets', 'text', notNull)
      .addColumn('flows', 'text', notNull)
      .addColumn('mapping_overrides', 'text', notNull)
      .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .execute();

    const perIntegration = (table: string) =>
      db.schema.createTable(table).addColumn('integration_id', 'bigint', (c) => c.notNull().references('integrations.id').onDelete('cascade'));

    await perIntegration('cursors')
      .addColumn('flow', 'text', notNull)
      .addColumn('cursor', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .addPrimaryKeyConstraint('cursors_pk', ['integration_id', 'flow'])
      .execute();

    await perIntegration('links')
      .addColumn('kind', 'text', notNull)
      .addColumn('external_id', 'text', notNull)
      .addColumn('wms_key', 'text', notNull)
      .addColumn('hash', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .addPrimaryKeyConstraint('links_pk', ['integration_id', 'kind', 'external_id'])
      .execute();
    await db.schema.createIndex('links_wms_key_ix').on('links').columns(['kind', 'wms_key']).execute();

    await withId(db.schema.createTable('runs'), dialect)
      .addColumn('integration_id', 'bigint', (c) => c.notNull().references('integrations.id').onDelete('cascade'))
      .addColumn('flow', 'text', notNull)
      .addColumn('trigger', 'text', notNull)
      .addColumn('status', 'text', notNull)
      .addColumn('counts', 'text', notNull)
      .addColumn('error', 'text')
      .addColumn('started_at', 'text', notNull)
      .addColumn('finished_at', 'text')
      .execute();
    await db.schema.createIndex('runs_integration_ix').on('runs').columns(['integration_id', 'flow', 'id']).execute();

    await db.schema
      .createTable('run_records')
      .addColumn('run_id', 'bigint', (c) => c.notNull().references('runs.id').onDelete('cascade'))
      .addColumn('seq', 'integer', notNull)
      .addColumn('record', 'text', notNull)
      .addColumn('external_id', 'text')
      .addColumn('outcome', 'text', notNull)
      .addColumn('issues', 'text')
      .addPrimaryKeyConstraint('run_records_pk', ['run_id', 'seq'])
      .execute();

    await perIntegration('record_failures')
      .addColumn('flow', 'text', notNull)
      .addColumn('external_id', 'text', notNull)
      .addColumn('record', 'text', notNull)
      .addColumn('issues', 'text', notNull)
      .addColumn('attempts', 'integer', notNull)
      .addColumn('first_failed_at', 'text', notNull)
      .addColumn('last_failed_at', 'text', notNull)
      .addPrimaryKeyConstraint('record_failures_pk', ['integration_id', 'flow', 'external_id'])
      .execute();

    await withId(db.schema.createTable('outbox'), dialect)
      .addColumn('integration_id', 'bigint', (c) => c.notNull().references('integrations.id').onDelete('cascade'))
      .addColumn('flow', 'text', notNull)
      .addColumn('event_id', 'bigint', notNull)
      .addColumn('subject', 'text', notNull)
      .addColumn('external_id', 'text', notNull)
      .addColumn('payload', 'text', notNull)
      .addColumn('status', 'text', notNull)
      .addColumn('attempts', 'integer', notNull)
      .addColumn('next_attempt_at', 'text', notNull)
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', notNull)
      .addColumn('sent_at', 'text')
      .addUniqueConstraint('outbox_event_uq', ['integration_id', 'flow', 'event_id'])
      .execute();
    await db.schema.createIndex('outbox_due_ix').on('outbox').columns(['integration_id', 'flow', 'status', 'next_attempt_at']).execute();

    await perIntegration('schedules')
      .addColumn('flow', 'text', notNull)
      .addColumn('next_run_at', 'text', notNull)
      .addColumn('lease_owner', 'text')
      .addColumn('lease_expires_at', 'text')
      .addPrimaryKeyConstraint('schedules_pk', ['integration_id', 'flow'])
      .execute();

    await db.schema.createTable('engine_state').addColumn('key', 'text', (c) => c.primaryKey()).addColumn('value', 'text', notNull).execute();
  },
});
