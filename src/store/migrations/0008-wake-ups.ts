import type { Kysely, Migration } from 'kysely';

/**
 * A wake-up that arrives while the flow runs (new reports in the outbox, "sync now") is kept
 * beside the schedule, so that the run's release cannot overwrite it with a whole interval.
 */
export const wakeUps = (): Migration => ({
  async up(db: Kysely<any>) {
    await db.schema.alterTable('schedules').addColumn('woken_at', 'text').execute();
  },
});
