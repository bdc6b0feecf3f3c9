import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Clock } from '../kernel/clock.js';
import { WmsyncError } from '../kernel/errors.js';
import type { Database } from '../store/tables.js';

/** Who holds a lease: an owner unique per process, and where that process runs. */
export interface LeaseHolder {
  owner: string;
  host: string;
  pid: number;
}

/** This process as a lease holder; the owner is readable in the database (host:pid:random). */
export const thisProcess = (): LeaseHolder => ({ owner: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`, host: hostname(), pid: process.pid });

/** Whether a process of this host is still there; EPERM means it is, only not ours to signal. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A flow's lease is held by another run: not a failure, the work waits for that run to end. */
export class FlowBusyError extends WmsyncError {
  constructor(integrationId: number, flow: string) {
    super('conflict', `flow ${flow} of integration ${integrationId} is running elsewhere`);
    this.name = 'FlowBusyError';
  }
}

type LeaseRow = { lease_owner: string | null; lease_host: string | null; lease_pid: number | null };

/**
 * A lease held by a process of this host that is gone: nobody can renew it, so waiting for it to
 * expire would only delay the worker restarted in its place. A lease under this process's own pid
 * is not taken this way: in one process it may be another engine's (tests run two), and a
 * container restarted as the same pid waits out the lease, which is short.
 */
function heldByDeadProcessOfThisHost(row: LeaseRow, me: LeaseHolder): boolean {
  if (row.lease_owner === null || row.lease_owner === me.owner || row.lease_host !== me.host) return false;
  const pid = row.lease_pid === null ? undefined : Number(row.lease_pid);
  // Only a positive pid names one process: 0 and negative ones would signal process groups.
  if (pid === undefined || !Number.isInteger(pid) || pid <= 0 || pid === me.pid) return false;
  return !isRunning(pid);
}

/**
 * A flow of an integration runs only under its lease (a row in `schedules`): one run at a time
 * across every process and machine. A lease that is not renewed expires, so a crashed worker's
 * flows are taken over; the runs it left open are closed as abandoned. A lease of a dead process
 * of this host is taken over at once, without waiting for it to expire.
 */
export function createLeases(db: Kysely<Database>, clock: Clock, options: { holder: LeaseHolder; leaseMs: number }) {
  const { holder, leaseMs } = options;
  const owner = holder.owner;
  const expiry = () => new Date(clock.now().getTime() + leaseMs).toISOString();
  const leaseColumns = ['lease_owner', 'lease_host', 'lease_pid', 'lease_expires_at'] as const;
  const takeable = (row: LeaseRow & { lease_expires_at: string | null }, now: string) =>
    row.lease_expires_at === null || row.lease_expires_at < now || heldByDeadProcessOfThisHost(row, holder);

  return {
    owner,
    /** How long a lease lasts unless renewed; a run renews it every third of this. */
    leaseMs,
    /** This process's host: leases held there may be a dead process's, which `takeable` tells. */
    host: holder.host,
    /** Whether this process may take a lease as read from `schedules`: free, expired, or left by a dead process of this host. */
    takeable,
    async ensure(integrationId: number, flow: string, nextRunAt: Date): Promise<void> {
      await db
        .insertInto('schedules')
        .values({ integration_id: integrationId, flow, next_run_at: nextRunAt.toISOString(), lease_owner: null, lease_host: null, lease_pid: null, lease_expires_at: null, woken_at: null })
        .onConflict((oc) => oc.columns(['integration_id', 'flow']).doNothing())
        .execute();
    },

    /**
     * Takes the lease if it is free, expired, or left by a dead process of this host; true when
     * this process now holds it. A wake-up from before is what this run will handle, so it is cleared.
     */
    async acquire(integrationId: number, flow: string): Promise<boolean> {
      await this.ensure(integrationId, flow, clock.now());
      const now = clock.now().toISOString();
      const current = await db.selectFrom('schedules').select(leaseColumns).where('integration_id', '=', integrationId).where('flow', '=', flow).executeTakeFirst();
      // Taken only from that very holder: if another took it in between, this update misses.
      const deadHolder = current && heldByDeadProcessOfThisHost(current, holder) ? current.lease_owner : null;
      const taken = await db
        .updateTable('schedules')
        // A wake-up for later (a job with its own time) is not this run's: it stays.
        .set({ lease_owner: owner, lease_host: holder.host, lease_pid: holder.pid, lease_expires_at: expiry(), woken_at: sql<string | null>`case when woken_at > ${now} then woken_at else null end` })
        .where('integration_id', '=', integrationId)
        .where('flow', '=', flow)
        .where((eb) =>
          eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<', now), ...(deadHolder === null ? [] : [eb('lease_owner', '=', deadHolder)])]),
        )
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
     * Gives the lease back with the next run time: `nextRunAt` (none: the schedule's own, for work
     * that is not a scheduled run), or the time the flow was woken during the run when that is
     * earlier (work that arrived after the run had looked for it).
     */
    async release(integrationId: number, flow: string, nextRunAt?: Date): Promise<void> {
      const next = nextRunAt ? nextRunAt.toISOString() : sql<string>`next_run_at`;
      await db
        .updateTable('schedules')
        .set({
          lease_owner: null,
          lease_host: null,
          lease_pid: null,
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
     * Brings a flow's next run forward to `at`, now by default (a new report in the outbox, a job
     * for later); a run already due sooner keeps its time. The wake is also kept in `woken_at`,
     * the earliest one, in case a run holds the lease and would otherwise set the next run an
     * interval away when it ends.
     */
    async wake(integrationId: number, flow: string, at: Date = clock.now()): Promise<void> {
      const when = at.toISOString();
      await this.ensure(integrationId, flow, at);
      await db
        .updateTable('schedules')
        .set({
          next_run_at: sql<string>`case when next_run_at < ${when} then next_run_at else ${when} end`,
          woken_at: sql<string>`case when woken_at is not null and woken_at < ${when} then woken_at else ${when} end`,
        })
        .where('integration_id', '=', integrationId)
        .where('flow', '=', flow)
        .execute();
    },

    /** Flows whose time has come and whose lease is free, expired, or left by a dead process of this host. */
    async due(limit: number): Promise<{ integrationId: number; flow: string }[]> {
      const now = clock.now().toISOString();
      const rows = await db
        .selectFrom('schedules')
        .select(['integration_id', 'flow', ...leaseColumns])
        .where('next_run_at', '<=', now)
        .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<', now), eb('lease_host', '=', holder.host)]))
        .orderBy('next_run_at')
        .execute();
      // Leases of this host's live processes are read too (they are few) and left out here.
      return rows.filter((r) => takeable(r, now)).slice(0, limit).map((r) => ({ integrationId: Number(r.integration_id), flow: r.flow }));
    },
  };
}

export type Leases = ReturnType<typeof createLeases>;
