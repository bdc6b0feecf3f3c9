import type { FlowId } from '../connectors/sdk/flows.js';
import type { WebhookDelivery } from '../connectors/sdk/webhooks.js';
import { configError, isWmsyncError, WmsyncError } from '../kernel/errors.js';
import { applyOverrides } from '../mapping/index.js';
import type { EngineDeps, FlowRun } from './flow-run.js';
import { apiContextFor } from './api-context.js';
import { importDelivery, runImport } from './import-runner.js';
import { isFlowId } from './integrations.js';
import type { ResolvedIntegration } from './integrations.js';
import { FlowBusyError } from './leases.js';
import type { Leases } from './leases.js';
import { deliverReports, nextReportAttempt, relayEvents } from './outbox.js';
import { getRun, RunRecorder } from './runs.js';
import type { RunSummary } from './runs.js';
import { runStockExport } from './stock-export-runner.js';

export interface RunOptions {
  trigger: 'schedule' | 'manual' | 'retry' | 'webhook';
  /** With trigger `retry`: fetch again and write only these failed records (by external id), or all of them. */
  retryOnly?: string[] | 'all';
  /** With trigger `webhook`: write only what this delivery brought, instead of polling. */
  delivery?: WebhookDelivery;
  /** How long to wait for a run of the same flow elsewhere to finish; 0 = give up at once. */
  waitMs?: number;
}

/**
 * Runs flows: under the flow's lease, with a run record, dispatching to the runner for the
 * flow's kind. Errors that stop a run are kept on the run (config: fix and retry; transient: the
 * schedule tries again sooner).
 */
export function createEngine(deps: EngineDeps & { leases: Leases }) {
  const { leases, clock } = deps;

  async function acquire(integrationId: number, flow: FlowId, waitMs: number): Promise<boolean> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      if (await leases.acquire(integrationId, flow)) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async function nextRunAfter(integration: ResolvedIntegration, flowId: FlowId, failed: WmsyncError | undefined): Promise<Date> {
    const interval = integration.intervalMinutes * 60_000;
    // A temporary failure comes back within a minute rather than a whole interval.
    const wait = failed?.kind === 'transient' ? Math.min(interval, failed.retryAfterMs ?? 60_000) : interval;
    const next = new Date(clock.now().getTime() + wait);
    // A report that failed on its own comes due at its retry time, and the flow with it. Not after
    // a failed run: its reports were left waiting by the failure, and would only fail again at once.
    const isReport = integration.connector.flows.some((f: { id: string; kind: string }) => f.id === flowId && f.kind === 'report');
    if (failed || !isReport) return next;
    const retry = await nextReportAttempt(deps, integration.id, flowId);
    return retry && retry < next ? retry : next;
  }

  async function execute(integration: ResolvedIntegration, flowId: FlowId, options: RunOptions): Promise<{ summary: RunSummary; error?: WmsyncError }> {
    const trigger = options.trigger;
    const flow = integration.connector.flows.find((f: { id: string }) => f.id === flowId)!;
    // A scheduled or manual poll of a flow that webhooks feed tells how many changes came without one.
    const countMissedEvents = integration.connector.webhooks !== undefined && flow.kind === 'import' && (trigger === 'schedule' || trigger === 'manual');
    const recorder = await RunRecorder.start(deps.db, clock, integration.id, flowId, trigger, { countMissedEvents });
    const controller = new AbortController();
    // A run that lost its lease (this process stalled past it, another worker took over) stops
    // at its next call, so that two runs of one flow never write side by side.
    const heartbeat = setInterval(() => {
      leases.renew(integration.id, flowId).then(
        (held) => held || controller.abort(new WmsyncError('transient', 'the lease of this run was lost to another worker')),
        () => undefined,
      );
    }, leases.leaseMs / 3);
    let failure: WmsyncError | undefined;
    try {
      const api = integration.connector.createApi(
        apiContextFor(deps, integration.connector, integration.resolved, {
          logger: deps.logger.child({ integration: integration.id, flow: flowId }),
          saveTokens: (tokens) => deps.integrations.saveTokens(integration.id, tokens),
          fallbackCredential: String(integration.id),
          onCall: () => recorder.countCall(),
        }),
      );
      const run: FlowRun<never> = { integration, flow: flow as never, api, recorder, signal: controller.signal };
      if (flow.kind === 'import') {
        const mapping = applyOverrides(flow.mapping, integration.mappingOverrides[flow.id] ?? []);
        if (!mapping.ok) throw configError(`the mapping overrides of ${flow.id} are invalid: ${mapping.error.map((i) => `${i.field}: ${i.reason}`).join('; ')}`, mapping.error);
        if (options.delivery) await importDelivery(deps, run, mapping.value, options.delivery);
        else await runImport(deps, run, mapping.value, options.retryOnly);
      } else if (flow.kind === 'stock-export') {
        await runStockExport(deps, run);
      } else {
        await relayEvents(deps);
        await deliverReports(deps, run);
      }
    } catch (e) {
      const reason: unknown = controller.signal.aborted ? controller.signal.reason : e;
      failure = isWmsyncError(reason) ? reason : new WmsyncError('system', reason instanceof Error ? reason.message : String(reason), [], { cause: reason });
      deps.logger.warn({ integration: integration.id, flow: flowId, kind: failure.kind, err: failure.message }, 'run stopped');
    } finally {
      clearInterval(heartbeat);
    }
    await recorder.finish(failure ? `${failure.kind}: ${failure.message}` : undefined);
    return { summary: await getRun(deps.db, recorder.runId), ...(failure ? { error: failure } : {}) };
  }

  /** The integration, if the flow is one of its flows and on. */
  async function runnable(integrationId: number, flowId: string): Promise<{ integration: ResolvedIntegration; flow: FlowId }> {
    const integration = await deps.integrations.resolve(integrationId);
    if (!isFlowId(flowId) || !integration.flows.some((f) => f.flow === flowId)) {
      throw configError(`${integration.connector.displayName} has no flow "${flowId}"; flows: ${integration.flows.map((f) => f.flow).join(', ')}`);
    }
    if (!integration.flows.find((f) => f.flow === flowId)!.enabled) {
      throw configError(`flow ${flowId} of integration ${integrationId} is off; switch it on with: wmsync integrations enable ${integrationId} ${flowId}`);
    }
    return { integration, flow: flowId };
  }

  return {
    /** Runs one flow now and returns its summary. Refuses a flow that is off or unknown. */
    async runFlow(integrationId: number, flowId: string, options: RunOptions): Promise<RunSummary> {
      const { integration, flow } = await runnable(integrationId, flowId);
      if (!(await acquire(integrationId, flow, options.waitMs ?? 0))) throw new FlowBusyError(integrationId, flow);
      let error: WmsyncError | undefined;
      try {
        const result = await execute(integration, flow, options);
        error = result.error;
        return result.summary;
      } finally {
        await leases.release(integrationId, flow, await nextRunAfter(integration, flow, error));
      }
    },

    /**
     * Runs one flow under a lease the caller took and gives back (the job runner, which writes
     * several deliveries under one lease); the schedule is the caller's to keep.
     */
    async runUnderHeldLease(integrationId: number, flowId: string, options: RunOptions): Promise<RunSummary> {
      const { integration, flow } = await runnable(integrationId, flowId);
      return (await execute(integration, flow, options)).summary;
    },
  };
}

export type Engine = ReturnType<typeof createEngine>;
