import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
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
        .values({ integration_id: integrationId, flow, next_run_at: nextRunAt.toISOString(), lease_owner: null, lease_expires_at: null })
        .onConflict((oc) => oc.columns(['integration_id', 'flow']).doNothing())
        .execute();
    },

    /** Takes the lease if it is free or expired; true when this process now holds it. */
    async acquire(integrationId: number, flow: string): Promise<boolean> {
      await this.ensure(integrationId, flow, clock.now());
      const now = clock.now().toISOString();
      const taken = await db
        .updateTable('schedules')
        .set({ lease_owner: owner, lease_expires_at: expiry() })
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

    async release(integrationId: number, flow: string, nextRunAt: Date): Promise<void> {
      await db
        .updateTable('schedules')
        .set({ lease_owner: null, lease_expires_at: null, next_run_at: nextRunAt.toISOString() })
        .where('integration_id', '=', integrationId)
        .where('flow', '=', flow)
        .where('lease_owner', '=', owner)
        .execute();
    },

    /** Brings a flow's next run forward to now (a new report in the outbox, "sync now"). */
    async wake(integrationId: number, flow: string): Promise<void> {
      await this.ensure(integrationId, flow, clock.now());
      await db.updateTable('schedules').set({ next_run_at: clock.now().toISOString() }).where('integration_id', '=', integrationId).where('flow', '=', flow).execute();
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
