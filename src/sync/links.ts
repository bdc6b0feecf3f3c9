import type { Kysely } from 'kysely';
import type { Clock } from '../kernel/clock.js';
import type { Database } from '../store/tables.js';
import { chunksOf, keyChunksOf } from '../store/chunks.js';

export interface Link {
  externalId: string;
  wmsKey: string;
  hash: string;
}

/** External id ↔ WMS key per integration and kind (article, order, purchaseOrder, supplier). */
export function createLinks(db: Kysely<Database>, clock: Clock) {
  return {
    async find(integrationId: number, kind: string, externalIds: string[]): Promise<Map<string, Link>> {
      const out = new Map<string, Link>();
      for (const ids of keyChunksOf(externalIds)) {
        const rows = await db
          .selectFrom('links')
          .select(['external_id', 'wms_key', 'hash'])
          .where('integration_id', '=', integrationId)
          .where('kind', '=', kind)
          .where('external_id', 'in', ids)
          .execute();
        for (const r of rows) out.set(r.external_id, { externalId: r.external_id, wmsKey: r.wms_key, hash: r.hash });
      }
      return out;
    },

    /** Links pointing at one WMS record (an order shipped → which integrations brought it in). */
    async byWmsKey(kind: string, wmsKey: string): Promise<{ integrationId: number; externalId: string }[]> {
      const rows = await db.selectFrom('links').select(['integration_id', 'external_id']).where('kind', '=', kind).where('wms_key', '=', wmsKey).execute();
      return rows.map((r) => ({ integrationId: Number(r.integration_id), externalId: r.external_id }));
    },

    /** Saves a page's links in one transaction and a few statements, not one commit per record. */
    async saveMany(integrationId: number, kind: string, links: Link[]): Promise<void> {
      // One row per external id: PostgreSQL refuses an upsert that touches a row twice.
      const unique = [...new Map(links.map((l) => [l.externalId, l])).values()];
      if (unique.length === 0) return;
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        for (const part of chunksOf(unique)) {
          await tx
            .insertInto('links')
            .values(part.map((l) => ({ integration_id: integrationId, kind, external_id: l.externalId, wms_key: l.wmsKey, hash: l.hash, updated_at: now })))
            .onConflict((oc) =>
              oc.columns(['integration_id', 'kind', 'external_id']).doUpdateSet((eb) => ({
                wms_key: eb.ref('excluded.wms_key'),
                hash: eb.ref('excluded.hash'),
                updated_at: eb.ref('excluded.updated_at'),
              })),
            )
            .execute();
        }
      });
    },
  };
}

export type Links = ReturnType<typeof createLinks>;
