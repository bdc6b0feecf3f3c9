import type { Kysely } from 'kysely';
import type { SourceRecord } from '../connectors/sdk/flows.js';
import type { Clock } from '../kernel/clock.js';
import type { Database } from '../store/tables.js';

/** How many recent source records each flow keeps for previews. */
const KEEP = 20;

/** Keeps the latest few source records of each import flow, so a mapping change can be previewed. */
export function createSamples(db: Kysely<Database>, clock: Clock) {
  return {
    async keep(integrationId: number, flow: string, records: SourceRecord[]): Promise<void> {
      const now = clock.now().toISOString();
      for (const r of records.filter((x) => !x.issues?.length).slice(0, KEEP)) {
        const source = JSON.stringify(r.source);
        await db
          .insertInto('source_samples')
          .values({ integration_id: integrationId, flow, external_id: r.externalId, record: r.label, source, fetched_at: now })
          .onConflict((oc) => oc.columns(['integration_id', 'flow', 'external_id']).doUpdateSet({ record: r.label, source, fetched_at: now }))
          .execute();
      }
      const stale = await db
        .selectFrom('source_samples')
        .select('external_id')
        .where('integration_id', '=', integrationId)
        .where('flow', '=', flow)
        .orderBy('fetched_at', 'desc')
        .orderBy('external_id')
        .offset(KEEP)
        .limit(1000)
        .execute();
      if (stale.length) {
        await db
          .deleteFrom('source_samples')
          .where('integration_id', '=', integrationId)
          .where('flow', '=', flow)
          .where('external_id', 'in', stale.map((s) => s.external_id))
          .execute();
      }
    },

    async list(integrationId: number, flow: string): Promise<{ externalId: string; record: string; source: unknown; fetchedAt: string }[]> {
      const rows = await db
        .selectFrom('source_samples')
        .selectAll()
        .where('integration_id', '=', integrationId)
        .where('flow', '=', flow)
        .orderBy('fetched_at', 'desc')
        .orderBy('external_id')
        .execute();
      return rows.map((r) => ({ externalId: r.external_id, record: r.record, source: JSON.parse(r.source) as unknown, fetchedAt: r.fetched_at }));
    },
  };
}

export type Samples = ReturnType<typeof createSamples>;
