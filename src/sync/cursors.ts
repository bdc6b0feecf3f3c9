import type { Kysely } from 'kysely';
import type { Clock } from '../kernel/clock.js';
import type { Database } from '../store/tables.js';

/**
 * Where each pulling flow continues: a timestamp from the source's clock (ISO 8601). It only
 * moves forward, so a late page can never move it back over records not yet seen. Beside it, the
 * position of a walk that was cut off, for lists whose pages cannot move the cursor.
 */
export function createCursors(db: Kysely<Database>, clock: Clock) {
  return {
    async get(integrationId: number, flow: string): Promise<string | undefined> {
      const row = await db.selectFrom('cursors').select('cursor').where('integration_id', '=', integrationId).where('flow', '=', flow).executeTakeFirst();
      return row?.cursor;
    },
    async advance(integrationId: number, flow: string, cursor: string): Promise<void> {
      if (Number.isNaN(Date.parse(cursor))) throw new Error(`cursor "${cursor}" of ${flow} is not a timestamp`);
      const current = await this.get(integrationId, flow);
      if (current !== undefined && Date.parse(current) >= Date.parse(cursor)) return;
      const now = clock.now().toISOString();
      await db
        .insertInto('cursors')
        .values({ integration_id: integrationId, flow, cursor, updated_at: now })
        .onConflict((oc) => oc.columns(['integration_id', 'flow']).doUpdateSet({ cursor, updated_at: now }))
        .execute();
    },

    /** Where a walk that was cut off had got to (ImportPage.position); undefined when none was. */
    async walkPosition(integrationId: number, flow: string): Promise<string | undefined> {
      const row = await db.selectFrom('walk_positions').select('position').where('integration_id', '=', integrationId).where('flow', '=', flow).executeTakeFirst();
      return row?.position;
    },
    async keepWalkPosition(integrationId: number, flow: string, position: string): Promise<void> {
      const now = clock.now().toISOString();
      await db
        .insertInto('walk_positions')
        .values({ integration_id: integrationId, flow, position, updated_at: now })
        .onConflict((oc) => oc.columns(['integration_id', 'flow']).doUpdateSet({ position, updated_at: now }))
        .execute();
    },
    /** The walk reached its end: the next run starts from the cursor again. */
    async endWalk(integrationId: number, flow: string): Promise<void> {
      await db.deleteFrom('walk_positions').where('integration_id', '=', integrationId).where('flow', '=', flow).execute();
    },
  };
}

export type Cursors = ReturnType<typeof createCursors>;
