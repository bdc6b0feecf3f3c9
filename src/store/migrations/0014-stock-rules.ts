import type { Kysely, Migration } from 'kysely';

/**
 * Whether a goods owner's physical stock may go below zero when an order ships (1) or such a
 * shipment is refused (0, the default): a warehouse rule each goods owner decides.
 */
export const stockRules = (): Migration => ({
  async up(db: Kysely<any>) {
    await db.schema.alterTable('goods_owners').addColumn('allow_negative_stock', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  },
});
