import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Clock } from '../kernel/clock.js';
import type { Database } from '../store/tables.js';

/** Who holds a lease: unique per process, readable in the database. */
export const workerId = (): string => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

export const LEASE_MS = 5 * 60_000;

/**
 * A flow of an integration runs only under its lease (a row in `schedules`): one run at a time
 * across every process and machine. A lease that is not renewed expires, so a crashed worker's
 * flows are taken over; the runs it left open are closed as abandoned.
 */
export function createLeases(db: Kysely<Database>, clock: Clock, owner: string) {
  const expiry = () => new Date(clock.now().getTime() + LEASE_MS).toISOString();

  return {
    owner,
    async ensure(integrationId: number, flow: string, nextRunAt: Date): Promise<void> {
      await db
        .insertInto('schedules')
        .values({ integration_id: integrationId, flow, next_run_at: nextRunAt.toISOString(), lease_owner: null, lease_expires_at: null, woken_at: null })
        .onConflict((oc) => oc.columns(['integration_id', 'flow']).doNothing())
        .execute();
    },

    /**
     * Takes the lease if it is free or expired; true when this process now holds it. A wake-up
     * from before is what this run will handle, so it is cleared.
     */
    async acquire(integrationId: number, flow: string): Promise<boolean> {
      await this.ensure(integrationId, flow, clock.now());
      const now = clock.now().toISOString();
      const taken = await db
        .updateTable('schedules')
        .set({ lease_owner: owner, lease_expires_at: expiry(), woken_at: null })
        .where('integration_id', '=', integrationId)
        .where('flow', '=', flow)
        .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<', now)]))
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) !== 1) return false;
      await db
        .updateTable('runs')
        .set({ status: 'failed', error: 'abandoned: the worker running it stopped', finished_at: now })
        .where('integration_id', '=', integrationId)
        .where('flow', '=', flow)
        .where('status', '=', 'running')
        .execute();
      return true;
    },

    /** Extends the lease; false when it is no longer this process's (it expired and another took it). */
    async renew(integrationId: number, flow: string): Promise<boolean> {
      const renewed = await db
        .updateTable('schedules')
        .set({ lease_expires_at: expiry() })
        .where('integration_id', '=', integrationId)
        .where('flow', '=', flow)
        .where('lease_owner', '=', owner)
        .executeTakeFirst();
      return Number(renewed.numUpdatedRows) === 1;
    },

    /**
     * Gives the lease back with the next run time: `nextRunAt`, or the time the flow was woken
     * during the run when that is earlier (work that arrived after the run had looked for it).
     */
    async release(integrationId: number, flow: string, nextRunAt: Date): Promise<void> {
      const next = nextRunAt.toISOString();
      await db
        .updateTable('schedules')
        .set({
          lease_owner: null,
          lease_expires_at: null,
          // ISO 8601 texts in UTC sort as the times they name, on both dialects.
          next_run_at: sql<string>`case when woken_at is not null and woken_at < ${next} then woken_at else ${next} end`,
          woken_at: null,
        })
        .where('integration_id', '=', integrationId)
        .where('flow', '=', flow)
        .where('lease_owner', '=', owner)
        .execute();
    },

    /**
     * Brings a flow's next run forward to now (a new report in the outbox, "sync now"). The wake
     * is also kept in `woken_at`, the earliest one, in case a run holds the lease and would
     * otherwise set the next run an interval away when it ends.
     */
    async wake(integrationId: number, flow: string): Promise<void> {
      const now = clock.now().toISOString();
      await this.ensure(integrationId, flow, clock.now());
      await db
        .updateTable('schedules')
        .set({ next_run_at: now, woken_at: sql<string>`coalesce(woken_at, ${now})` })
        .where('integration_id', '=', integrationId)
        .where('flow', '=', flow)
        .execute();
    },

    async due(limit: number): Promise<{ integrationId: number; flow: string }[]> {
      const now = clock.now().toISOString();
      const rows = await db
        .selectFrom('schedules')
        .select(['integration_id', 'flow'])
        .where('next_run_at', '<=', now)
        .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<', now)]))
        .orderBy('next_run_at')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ integrationId: Number(r.integration_id), flow: r.flow }));
    },
  };
}

export type Leases = ReturnType<typeof createLeases>;
