import type { Kysely, Migration } from 'kysely';

/**
 * How far a run has come and what it cost: the pages written so far and the calls made to the
 * system, kept on the run as it goes, so that the UI shows a running sync's progress and charts
 * the API calls over time.
 */
export const runProgress = (): Migration => ({
  async up(db: Kysely<any>) {
    // One column a statement: SQLite's ALTER TABLE adds one at a time.
    await db.schema.alterTable('runs').addColumn('pages', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('runs').addColumn('api_calls', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  },
});
