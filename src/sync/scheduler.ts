import type { Logger } from '../kernel/logger.js';
import type { EngineDeps } from './flow-run.js';
import type { Jobs } from './jobs.js';
import { FlowBusyError } from './leases.js';
import type { Leases } from './leases.js';
import { relayEvents } from './outbox.js';
import { pruneRuns } from './runs.js';

export interface SchedulerOptions {
  /** How often due flows and new warehouse events are looked for. */
  tickMs: number;
  /** Flows run at once by this process. */
  concurrency: number;
  /** Days of run history to keep (default 30). */
  keepRunsDays?: number;
}

const PRUNE_EVERY_MS = 60 * 60_000;

/**
 * Runs every enabled flow of every active integration at its interval, a report flow as soon as
 * the warehouse gives it something to report, and the deliveries webhooks left, all through the
 * job port. The schedule lives in the database (next run and lease per flow), so a restart loses
 * nothing and any number of processes can share the work.
 */
export function createScheduler(deps: EngineDeps & { leases: Leases; jobs: Jobs; logger: Logger }, options: SchedulerOptions) {
  const running = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | undefined;
  let stopped = false;
  let prunedAt = 0;

  /** Schedule rows for enabled flows of active integrations (new integrations, flows switched on). */
  async function plan(): Promise<void> {
    for (const integration of await deps.integrations.list()) {
      if (integration.paused) continue;
      for (const f of integration.flows) if (f.enabled) await deps.leases.ensure(integration.id, f.flow, deps.clock.now());
    }
  }

  async function tick(): Promise<void> {
    if (Date.now() - prunedAt > PRUNE_EVERY_MS) {
      prunedAt = Date.now();
      await pruneRuns(deps.db, deps.clock, options.keepRunsDays ?? 30);
    }
    await plan();
    for (const woken of await relayEvents(deps)) await deps.jobs.enqueue({ type: 'flow-run', integrationId: woken.integrationId, flow: woken.flow });
    const free = options.concurrency - running.size;
    if (free <= 0) return;
    for (const work of await deps.jobs.due(free * 2)) {
      if (running.size >= options.concurrency || stopped) break;
      const { integrationId, flow } = work;
      // A paused integration or a flow switched off keeps its work waiting.
      const integration = await deps.integrations.get(integrationId).catch(() => undefined);
      if (!integration || integration.paused || !integration.flows.some((f) => f.flow === flow && f.enabled)) continue;
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
      running.add(job);
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
      await Promise.all(running);
    },
    tick,
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
