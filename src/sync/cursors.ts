import type { Kysely } from 'kysely';
import type { Clock } from '../kernel/clock.js';
import type { Database } from '../store/tables.js';

/** How a flow's cursor compares, so that it only moves forward (ImportFlow.cursor). */
export type CursorFormat = 'timestamp' | 'number' | 'opaque';

/** Whether `next` is past `current`; an opaque token (a sync token, a page link) always replaces the one before. */
function isAfter(next: string, current: string, format: CursorFormat): boolean {
  if (format === 'opaque') return next !== current;
  const [a, b] = format === 'number' ? [Number(next), Number(current)] : [Date.parse(next), Date.parse(current)];
  return a > b;
}

function readable(cursor: string, format: CursorFormat): boolean {
  if (format === 'timestamp') return !Number.isNaN(Date.parse(cursor));
  if (format === 'number') return cursor.trim() !== '' && Number.isFinite(Number(cursor));
  return cursor !== '';
}

/**
 * Where each pulling flow continues, as the flow declares it: a timestamp from the source's clock
 * (ISO 8601, the default), a number (an id, a sequence) or an opaque token, stored as text. A
 * timestamp or number only moves forward, so a late page can never move it back over records not
 * yet seen. Beside it, the position of a walk that was cut off, for lists whose pages cannot move
 * the cursor.
 */
export function createCursors(db: Kysely<Database>, clock: Clock) {
  return {
    async get(integrationId: number, flow: string): Promise<string | undefined> {
      const row = await db.selectFrom('cursors').select('cursor').where('integration_id', '=', integrationId).where('flow', '=', flow).executeTakeFirst();
      return row?.cursor;
    },
    async advance(integrationId: number, flow: string, cursor: string, format: CursorFormat = 'timestamp'): Promise<void> {
      if (!readable(cursor, format)) throw new Error(`cursor "${cursor}" of ${flow} is not a ${format}`);
      const current = await this.get(integrationId, flow);
      if (current !== undefined && !isAfter(cursor, current, format)) return;
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
