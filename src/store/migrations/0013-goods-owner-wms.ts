import type { Kysely, Migration } from 'kysely';

/**
 * Which WMS each goods owner uses (ADR 0019): `embedded` (our own tables, as before) or
 * `ongoing`, with its settings in plain JSON and its credentials sealed like an integration's.
 */
export const goodsOwnerWms = (): Migration => ({
  async up(db: Kysely<any>) {
    await db.schema.alterTable('goods_owners').addColumn('wms', 'text', (c) => c.notNull().defaultTo('embedded')).execute();
    await db.schema.alterTable('goods_owners').addColumn('wms_settings', 'text', (c) => c.notNull().defaultTo('{}')).execute();
    await db.schema.alterTable('goods_owners').addColumn('wms_secrets', 'text').execute();
  },
});
