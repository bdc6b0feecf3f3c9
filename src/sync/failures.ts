import type { Kysely } from 'kysely';
import type { Clock } from '../kernel/clock.js';
import type { FieldIssue } from '../kernel/errors.js';
import type { Database } from '../store/tables.js';
import { keyChunksOf } from '../store/chunks.js';

export interface RecordFailure {
  integrationId: number;
  flow: string;
  externalId: string;
  record: string;
  issues: FieldIssue[];
  attempts: number;
  firstFailedAt: string;
  lastFailedAt: string;
}

/** Records that failed: kept until a later attempt succeeds, retried each run and on demand. */
export function createFailures(db: Kysely<Database>, clock: Clock) {
  return {
    async record(integrationId: number, flow: string, externalId: string, record: string, issues: FieldIssue[]): Promise<void> {
      const now = clock.now().toISOString();
      const existing = await db
        .selectFrom('record_failures')
        .select('attempts')
        .where('integration_id', '=', integrationId)
        .where('flow', '=', flow)
        .where('external_id', '=', externalId)
        .executeTakeFirst();
      if (existing) {
        await db
          .updateTable('record_failures')
          .set({ record, issues: JSON.stringify(issues), attempts: existing.attempts + 1, last_failed_at: now })
          .where('integration_id', '=', integrationId)
          .where('flow', '=', flow)
          .where('external_id', '=', externalId)
          .execute();
      } else {
        await db
          .insertInto('record_failures')
          .values({ integration_id: integrationId, flow, external_id: externalId, record, issues: JSON.stringify(issues), attempts: 1, first_failed_at: now, last_failed_at: now })
          .execute();
      }
    },

    async clear(integrationId: number, flow: string, externalIds: string[]): Promise<void> {
      for (const ids of keyChunksOf(externalIds)) {
        await db
          .deleteFrom('record_failures')
          .where('integration_id', '=', integrationId)
          .where('flow', '=', flow)
          .where('external_id', 'in', ids)
          .execute();
      }
    },

    async list(filter: { integrationId?: number; flow?: string } = {}): Promise<RecordFailure[]> {
      const rows = await db
        .selectFrom('record_failures')
        .selectAll()
        .$if(filter.integrationId !== undefined, (q) => q.where('integration_id', '=', filter.integrationId!))
        .$if(filter.flow !== undefined, (q) => q.where('flow', '=', filter.flow!))
        .orderBy('last_failed_at', 'desc')
        .execute();
      return rows.map((r) => ({
        integrationId: Number(r.integration_id),
        flow: r.flow,
        externalId: r.external_id,
        record: r.record,
        issues: JSON.parse(r.issues) as FieldIssue[],
        attempts: r.attempts,
        firstFailedAt: r.first_failed_at,
        lastFailedAt: r.last_failed_at,
      }));
    },
  };
}

export type Failures = ReturnType<typeof createFailures>;

/** A failed record's place in a list of failures (its paging cursor): by flow, then by its id in the source. */
export const failureKey = (f: { flow: string; externalId: string }): string => `${f.flow}:${f.externalId}`;
