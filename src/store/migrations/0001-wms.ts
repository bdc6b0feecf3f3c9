import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.js';
import { notNull, withId } from './columns.js';

/** The embedded WMS: goods owners, articles, suppliers, orders, purchase orders, stock, events. */
export const wms = (dialect: Dialect): Migration => ({
  async up(db: Kysely<any>) {
    await withId(db.schema.createTable('goods_owners'), dialect)
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', notNull)
      .addColumn('status_rules', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .execute();

    for (const [table, keyColumn] of [['articles', 'article_number'], ['suppliers', 'supplier_number']] as const) {
      await db.schema
        .createTable(table)
        .addColumn('goods_owner_id', 'bigint', (c) => c.notNull().references('goods_owners.id'))
        .addColumn(keyColumn, 'text', notNull)
        .addColumn('data', 'text', notNull)
        .addColumn('updated_at', 'text', notNull)
        .addPrimaryKeyConstraint(`${table}_pk`, ['goods_owner_id', keyColumn])
        .execute();
    }

    for (const [table, lineTable, lineKey, doneColumn] of [
      ['orders', 'order_lines', 'order_id', 'picked_number_of_items'],
      ['purchase_orders', 'purchase_order_lines', 'purchase_order_id', 'received_number_of_items'],
    ] as const) {
      let header = withId(db.schema.createTable(table), dialect)
        .addColumn('goods_owner_id', 'bigint', (c) => c.notNull().references('goods_owners.id'))
        .addColumn('order_number', 'text', notNull)
        .addColumn('status', 'integer', notNull)
        .addColumn('data', 'text', notNull);
      if (table === 'orders') header = header.addColumn('shipments', 'text', notNull);
      await header
        .addColumn('created_at', 'text', notNull)
        .addColumn('updated_at', 'text', notNull)
        .addUniqueConstraint(`${table}_number_uq`, ['goods_owner_id', 'order_number'])
        .execute();
      await db.schema.createIndex(`${table}_status_ix`).on(table).columns(['goods_owner_id', 'status']).execute();

      await db.schema
        .createTable(lineTable)
        .addColumn(lineKey, 'bigint', (c) => c.notNull().references(`${table}.id`).onDelete('cascade'))
        .addColumn('row_no', 'integer', notNull)
        .addColumn('article_number', 'text', notNull)
        .addColumn('number_of_items', 'double precision', notNull)
        .addColumn(doneColumn, 'double precision', (c) => (table === 'orders' ? c : c.notNull().defaultTo(0)))
        .addColumn('data', 'text', notNull)
        .addPrimaryKeyConstraint(`${lineTable}_pk`, [lineKey, 'row_no'])
        .execute();
    }
    await db.schema.createIndex('order_lines_article_ix').on('order_lines').column('article_number').execute();

    await db.schema
      .createTable('stock_balances')
      .addColumn('goods_owner_id', 'bigint', (c) => c.notNull().references('goods_owners.id'))
      .addColumn('article_number', 'text', notNull)
      .addColumn('physical', 'double precision', notNull)
      .addColumn('updated_at', 'text', notNull)
      .addPrimaryKeyConstraint('stock_balances_pk', ['goods_owner_id', 'article_number'])
      .execute();

    await withId(db.schema.createTable('wms_events'), dialect)
      .addColumn('goods_owner_id', 'bigint', (c) => c.notNull().references('goods_owners.id'))
      .addColumn('type', 'text', notNull)
      .addColumn('subject', 'text', notNull)
      .addColumn('payload', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .execute();
  },
});
