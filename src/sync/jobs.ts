import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { backoffDelay } from '../connectors/http/backoff.js';
import type { WebhookDelivery } from '../connectors/sdk/webhooks.js';
import type { Clock } from '../kernel/clock.js';
import { stableJson } from '../kernel/stable-json.js';
import type { Database } from '../store/tables.js';
import type { Engine, RunOptions } from './engine.js';
import type { IntegrationStore } from './integrations.js';
import { FlowBusyError } from './leases.js';
import type { Leases } from './leases.js';
import { getRun, listRuns } from './runs.js';
import type { RunSummary } from './runs.js';

/** A run of a flow as the schedule runs it: a poll, a stock export, the reports waiting. */
export interface FlowRunJob {
  type: 'flow-run';
  integrationId: number;
  flow: string;
}

/** What a webhook delivered for one import flow, written under that flow's lease. */
export interface DeliveryJob {
  type: 'delivery';
  integrationId: number;
  delivery: WebhookDelivery;
}

export type Job = FlowRunJob | DeliveryJob;

/**
 * A flow's run is keyed by its flow (its `schedules` row: asking twice changes only the time, the
 * earlier wins); a delivery by its content unless the caller names a key (a delivery id).
 */
export type EnqueueOptions<J extends Job> = { runAt?: Date } & (J extends DeliveryJob ? { key?: string } : { key?: never });

/** Work that is due: a flow's run, or the deliveries waiting for a flow (oldest first). */
export interface DueWork {
  type: 'flow-run' | 'deliveries';
  integrationId: number;
  flow: string;
}

/** Deliveries written under one hold of a lease, so that a backlog does not keep the poll out. */
const DELIVERIES_PER_LEASE = 50;
const RETRY = { baseMs: 30_000, maxMs: 3_600_000 };

/**
 * The job port: every run of a flow goes through it, whether a schedule tick, "sync now", a
 * report's wake-up or a webhook's delivery. Jobs are kept in the database (a flow's run in
 * `schedules`, a delivery in `jobs`), so a job accepted is never lost with the process that
 * accepted it; each runs under its flow's lease, so once across every worker, and never beside
 * another run of the same flow. The deliveries of one flow run in the order they came.
 */
export function createJobs(deps: { db: Kysely<Database>; clock: Clock; leases: Leases; engine: Engine; integrations: IntegrationStore }) {
  const { db, clock, leases, engine } = deps;

  /** The oldest waiting delivery of a flow, if its time has come; the ones behind it wait for it. */
  async function nextDelivery(integrationId: number, flow: string) {
    const job = await db.selectFrom('jobs').selectAll().where('integration_id', '=', integrationId).where('flow', '=', flow).orderBy('id').limit(1).executeTakeFirst();
    return job && job.run_at <= clock.now().toISOString() ? job : undefined;
  }

  async function retryLater(job: { id: number; attempts: number }, error: string): Promise<void> {
    const runAt = new Date(clock.now().getTime() + backoffDelay(job.attempts + 1, RETRY));
    await db.updateTable('jobs').set({ attempts: job.attempts + 1, last_error: error, run_at: runAt.toISOString() }).where('id', '=', job.id).execute();
  }

  /**
   * Writes a flow's due deliveries, one run each, under one hold of its lease. A delivery whose run
   * stopped (the system or the WMS unreachable, a setting wrong) waits for a retry with backoff,
   * and the later ones behind it, so that an old version never lands after a newer one.
   */
  async function runDeliveries(integrationId: number, flow: string): Promise<RunSummary[]> {
    if (!(await leases.acquire(integrationId, flow))) throw new FlowBusyError(integrationId, flow);
    const summaries: RunSummary[] = [];
    try {
      while (summaries.length < DELIVERIES_PER_LEASE) {
        const job = await nextDelivery(integrationId, flow);
        // A run renews the lease only when it lasts; between short runs it is renewed here.
        if (!job || !(await leases.renew(integrationId, flow))) break;
        const summary = await engine
          .runUnderHeldLease(integrationId, flow, { trigger: 'webhook', delivery: JSON.parse(job.payload) as WebhookDelivery })
          .catch(async (e: Error) => {
            await retryLater({ id: Number(job.id), attempts: job.attempts }, e.message);
            throw e;
          });
        summaries.push(summary);
        if (summary.status === 'failed') {
          await retryLater({ id: Number(job.id), attempts: job.attempts }, summary.error ?? 'the run stopped');
          break;
        }
        await db.deleteFrom('jobs').where('id', '=', job.id).execute();
      }
    } finally {
      // Not a scheduled run: the poll keeps its time.
      await leases.release(integrationId, flow);
    }
    return summaries;
  }

  /** A run another process started, once it has ended (or as it stands after `waitMs`). */
  async function awaitRun(runId: number, waitMs: number): Promise<RunSummary> {
    for (let waited = 0; ; waited += 200) {
      const run = await getRun(db, runId);
      if (run.status !== 'running' || waited >= waitMs) return run;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  return {
    /**
     * Keeps a job to run at `runAt` (now by default). True when it was stored; false when a job
     * with its key already waits (the same delivery sent twice), which then stands for both.
     */
    async enqueue<J extends Job>(job: J, options: EnqueueOptions<J> = {} as EnqueueOptions<J>): Promise<boolean> {
      const runAt = options.runAt ?? clock.now();
      if (job.type === 'flow-run') {
        await leases.wake(job.integrationId, job.flow, runAt);
        return true;
      }
      const { delivery } = job as DeliveryJob;
      const key = options.key ?? `delivery:${job.integrationId}:${createHash('sha256').update(stableJson(delivery)).digest('base64url')}`;
      const stored = await db
        .insertInto('jobs')
        .values({ key, integration_id: job.integrationId, flow: delivery.flow, type: job.type, payload: JSON.stringify(delivery), run_at: runAt.toISOString(), attempts: 0, last_error: null, created_at: clock.now().toISOString() })
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('id')
        .executeTakeFirst();
      return stored !== undefined;
    },

    /** Runs a flow here and now, waiting up to `waitMs` for a run elsewhere to end: "sync now", a retry by hand. */
    run(job: FlowRunJob, options: Omit<RunOptions, 'delivery'>): Promise<RunSummary> {
      return engine.runFlow(job.integrationId, job.flow, options);
    },

    /**
     * "Sync now" from a process that is not the hub (the CLI): the flow is woken for the hub's
     * workers, so that it runs with the hub's environment; a run that one of them starts within
     * `graceMs` is awaited. When none does (no worker runs), it runs here.
     */
    async runSoon(job: FlowRunJob, options: Omit<RunOptions, 'delivery'> & { graceMs: number }): Promise<RunSummary> {
      const latest = async () => (await listRuns(db, { integrationId: job.integrationId, flow: job.flow, limit: 1 }))[0];
      const before = (await latest())?.runId ?? 0;
      await this.enqueue(job);
      const pollMs = 100;
      for (let waited = 0; waited < options.graceMs; waited += pollMs) {
        await new Promise((resolve) => setTimeout(resolve, pollMs));
        const started = await latest();
        if (started && started.runId > before) return awaitRun(started.runId, options.waitMs ?? 60_000);
      }
      return this.run(job, options);
    },

    /** "Sync now" of every enabled flow of an integration, one after the other. */
    async runEnabled(integrationId: number, options: Omit<RunOptions, 'delivery'>): Promise<RunSummary[]> {
      const integration = await deps.integrations.get(integrationId);
      const summaries: RunSummary[] = [];
      for (const { flow } of integration.flows.filter((f) => f.enabled)) summaries.push(await this.run({ type: 'flow-run', integrationId, flow }, options));
      return summaries;
    },

    /**
     * Due work whose flow this worker may take, one entry per flow: its scheduled run before its deliveries (the
     * poll, due once an interval, cannot be kept out by a stream of webhooks, nor keep them out).
     */
    async due(limit: number): Promise<DueWork[]> {
      const now = clock.now().toISOString();
      const oldestPerFlow = db.selectFrom('jobs').select((eb) => eb.fn.min('id').as('id')).groupBy(['integration_id', 'flow']);
      const deliveries = await db
        .selectFrom('jobs as j')
        .leftJoin('schedules as s', (join) => join.onRef('s.integration_id', '=', 'j.integration_id').onRef('s.flow', '=', 'j.flow'))
        .select(['j.integration_id', 'j.flow', 's.lease_owner', 's.lease_host', 's.lease_pid', 's.lease_expires_at'])
        .where('j.id', 'in', oldestPerFlow)
        .where('j.run_at', '<=', now)
        // As for scheduled runs: free or expired leases, and this host's (a dead process's is taken at once).
        .where((eb) => eb.or([eb('s.lease_expires_at', 'is', null), eb('s.lease_expires_at', '<', now), eb('s.lease_host', '=', leases.host)]))
        .orderBy('j.id')
        .execute();
      const work: DueWork[] = [
        ...(await leases.due(limit)).map((d) => ({ type: 'flow-run' as const, ...d })),
        ...deliveries.filter((d) => leases.takeable(d, now)).map((d) => ({ type: 'deliveries' as const, integrationId: Number(d.integration_id), flow: d.flow })),
      ];
      const seen = new Set<string>();
      return work.filter((w) => !seen.has(`${w.integrationId}/${w.flow}`) && seen.add(`${w.integrationId}/${w.flow}`)).slice(0, limit);
    },

    /** Does due work; throws FlowBusyError when another run took the flow in the meantime. */
    async runDue(work: DueWork): Promise<RunSummary[]> {
      if (work.type === 'deliveries') return runDeliveries(work.integrationId, work.flow);
      return [await engine.runFlow(work.integrationId, work.flow, { trigger: 'schedule' })];
    },
  };
}

export type Jobs = ReturnType<typeof createJobs>;
