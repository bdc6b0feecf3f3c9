import { flowOf } from '../connectors/sdk/connector.js';
import type { FlowId } from '../connectors/sdk/flows.js';
import type { Logger } from '../kernel/logger.js';
import { laneOf, pickFairly } from './fair-shares.js';
import type { Lane, Slot } from './fair-shares.js';
import type { IntegrationView } from './integrations.js';
import type { EngineDeps } from './flow-run.js';
import type { Jobs } from './jobs.js';
import { FlowBusyError } from './leases.js';
import type { Leases } from './leases.js';
import { relayEvents } from './outbox.js';
import { pruneRuns } from './runs.js';

export interface SchedulerOptions {
  /** How often due flows and new warehouse events are looked for. */
  tickMs: number;
  /** Flows run at once by this process: imports and exports, and as many reports beside them (src/sync/fair-shares.ts). */
  concurrency: number;
  /** Days of run history to keep (default 30). */
  keepRunsDays?: number;
}

const PRUNE_EVERY_MS = 60 * 60_000;
/** Due work read per tick: enough that one goods owner's many due flows do not hide another's. */
const DUE_SCAN = 500;

/**
 * Runs every enabled flow of every active integration at its interval, a report flow as soon as
 * the warehouse gives it something to report, and the deliveries webhooks left, all through the
 * job port. The schedule lives in the database (next run and lease per flow), so a restart loses
 * nothing and any number of processes can share the work.
 */
export function createScheduler(deps: EngineDeps & { leases: Leases; jobs: Jobs; logger: Logger }, options: SchedulerOptions) {
  const running = new Map<Promise<void>, Slot>();
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | undefined;
  let stopped = false;
  let prunedAt = 0;

  /**
   * Schedule rows for enabled flows of active integrations (new integrations, flows switched on);
   * the integrations as read now, by id.
   */
  async function plan(): Promise<Map<number, IntegrationView>> {
    const active = new Map<number, IntegrationView>();
    for (const integration of await deps.integrations.list()) {
      if (integration.paused) continue;
      active.set(integration.id, integration);
      for (const f of integration.flows) if (f.enabled) await deps.leases.ensure(integration.id, f.flow, deps.clock.now());
    }
    return active;
  }

  /** A system this build does not know runs in the pulls lane, and its run fails there with the reason. */
  function laneFor(system: string, flow: string): Lane {
    const connector = deps.registry.list().find((c) => c.id === system);
    return laneOf((connector && flowOf(connector, flow as FlowId)?.kind) ?? 'import');
  }

  async function tick(): Promise<void> {
    if (Date.now() - prunedAt > PRUNE_EVERY_MS) {
      prunedAt = Date.now();
      await pruneRuns(deps.db, deps.clock, options.keepRunsDays ?? 30);
    }
    const active = await plan();
    for (const woken of await relayEvents(deps)) await deps.jobs.enqueue({ type: 'flow-run', integrationId: woken.integrationId, flow: woken.flow });
    if (stopped || running.size >= 2 * options.concurrency) return;
    const candidates = [];
    for (const work of await deps.jobs.due(DUE_SCAN)) {
      // A paused integration or a flow switched off keeps its work waiting.
      const integration = active.get(work.integrationId);
      if (!integration || !integration.flows.some((f) => f.flow === work.flow && f.enabled)) continue;
      candidates.push({ ...work, goodsOwner: integration.goodsOwner, lane: laneFor(integration.system, work.flow) });
    }
    const goodsOwners = new Set([...active.values()].map((i) => i.goodsOwner)).size;
    for (const work of pickFairly(candidates, [...running.values()], options.concurrency, goodsOwners)) {
      const { integrationId, flow } = work;
      const job = deps.jobs
        .runDue(work)
        .then((runs) => {
          for (const run of runs) deps.logger.info({ integration: integrationId, flow, run: run.runId, trigger: run.trigger, status: run.status, counts: run.counts }, 'run finished');
        })
        .catch((e: Error) => {
          // Another process took the lease between `due` and the run: not an error.
          if (!(e instanceof FlowBusyError)) deps.logger.error({ integration: integrationId, flow, err: e.message }, 'run failed to start');
        })
        .finally(() => running.delete(job));
      running.set(job, { goodsOwner: work.goodsOwner, lane: work.lane });
    }
  }

  const loop = () => {
    if (stopped) return;
    ticking = tick()
      .catch((e: Error) => deps.logger.error({ err: e.message }, 'scheduler tick failed'))
      .finally(() => {
        ticking = undefined;
        if (!stopped) timer = setTimeout(loop, options.tickMs);
      });
  };

  return {
    start(): void {
      stopped = false;
      loop();
    },
    /** Stops looking for work and waits for the runs in progress to finish. */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await ticking;
      await Promise.all(running.keys());
    },
    tick,
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
