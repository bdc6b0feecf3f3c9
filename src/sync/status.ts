import type { Kysely } from 'kysely';
import { flowOf } from '../connectors/sdk/connector.js';
import type { Connector } from '../connectors/sdk/connector.js';
import type { Clock } from '../kernel/clock.js';
import type { Database } from '../store/tables.js';
import type { IntegrationView } from './integrations.js';
import type { RunStatus } from './runs.js';

export type Health = 'healthy' | 'waiting' | 'lagging' | 'failing' | 'paused';

export interface FlowStatus {
  flow: string;
  enabled: boolean;
  lastRun?: { runId: number; status: RunStatus; startedAt: string; finishedAt: string | null; counts: Record<string, number>; pages: number };
  nextRunAt?: string;
  /** Records waiting for a retry. */
  failures: number;
  /**
   * Reports waiting or failed (report flows only); `retrying` counts the waiting ones that an
   * attempt already failed for (a retried refusal, a system that did not answer): not sent yet.
   */
  outbox?: { pending: number; failed: number; retrying: number };
}

export interface IntegrationStatus {
  integrationId: number;
  health: Health;
  /** Seconds since the pulling flows last finished a successful run: how old the WMS's copy may be. */
  lagSeconds: number | null;
  flows: FlowStatus[];
}

const key = (integrationId: unknown, flow: string) => `${Number(integrationId)}/${flow}`;

/**
 * Health as the integrations page shows it: paused; failing when a flow's last run stopped, or
 * records wait for a retry, or a report failed or waits after a failed attempt (retried, but not
 * sent yet); waiting when a pulling flow has not run yet (a new integration: no lag to speak
 * of); lagging when data is older than two intervals; healthy otherwise. Five grouped queries
 * for any number of integrations, so the list page stays fast.
 */
export async function integrationStatuses(
  db: Kysely<Database>,
  clock: Clock,
  integrations: (IntegrationView & { intervalMinutes: number; connector: Connector<any> })[],
): Promise<IntegrationStatus[]> {
  const ids = integrations.map((i) => i.id);
  if (ids.length === 0) return [];
  const latestIds = db.selectFrom('runs').select((eb) => eb.fn.max('id').as('id')).where('integration_id', 'in', ids).groupBy(['integration_id', 'flow']);
  const [lastRuns, lastGood, schedules, failures, outbox] = await Promise.all([
    db.selectFrom('runs').selectAll().where('id', 'in', latestIds).execute(),
    db
      .selectFrom('runs')
      .select(['integration_id', 'flow', (eb) => eb.fn.max('started_at').as('started_at')])
      .where('integration_id', 'in', ids)
      .where('status', 'in', ['succeeded', 'partial'])
      .groupBy(['integration_id', 'flow'])
      .execute(),
    db.selectFrom('schedules').select(['integration_id', 'flow', 'next_run_at']).where('integration_id', 'in', ids).execute(),
    db.selectFrom('record_failures').select(['integration_id', 'flow', (eb) => eb.fn.countAll<number>().as('n')]).where('integration_id', 'in', ids).groupBy(['integration_id', 'flow']).execute(),
    db
      .selectFrom('outbox')
      // count(last_error) counts the rows an attempt failed for: that text is cleared once sent.
      .select(['integration_id', 'flow', 'status', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('last_error').as('erred')]).where('integration_id', 'in', ids).groupBy(['integration_id', 'flow', 'status']).execute(),
  ]);
  const lastRunOf = new Map(lastRuns.map((r) => [key(r.integration_id, r.flow), r]));
  const lastGoodOf = new Map(lastGood.map((r) => [key(r.integration_id, r.flow), String(r.started_at)]));
  const nextRunOf = new Map(schedules.map((r) => [key(r.integration_id, r.flow), r.next_run_at]));
  const failuresOf = new Map(failures.map((r) => [key(r.integration_id, r.flow), Number(r.n)]));
  const outboxOf = (k: string, statuses: string[], column: 'n' | 'erred' = 'n') =>
    outbox.filter((r) => key(r.integration_id, r.flow) === k && statuses.includes(r.status)).reduce((n, r) => n + Number(r[column]), 0);

  return integrations.map((integration) => {
    let failing = false;
    let waiting = false;
    let oldestPull: number | undefined;
    const flows = integration.flows.map(({ flow, enabled }): FlowStatus => {
      const k = key(integration.id, flow);
      const status: FlowStatus = { flow, enabled, failures: failuresOf.get(k) ?? 0 };
      const last = lastRunOf.get(k);
      if (last) {
        status.lastRun = { runId: Number(last.id), status: last.status as RunStatus, startedAt: last.started_at, finishedAt: last.finished_at, counts: JSON.parse(last.counts) as Record<string, number>, pages: Number(last.pages) };
      }
      if (enabled && (last?.status === 'failed' || status.failures > 0)) failing = true;
      if (enabled && nextRunOf.has(k)) status.nextRunAt = nextRunOf.get(k)!;
      const kind = flowOf(integration.connector, flow)?.kind;
      if (kind === 'report') {
        status.outbox = { pending: outboxOf(k, ['pending', 'sending']), failed: outboxOf(k, ['failed']), retrying: outboxOf(k, ['pending', 'sending'], 'erred') };
        if (status.outbox.failed > 0 || status.outbox.retrying > 0) failing = true;
      }
      if (enabled && kind === 'import') {
        const good = lastGoodOf.get(k);
        // Never run, or its first run still going: nothing is late yet.
        if (!good && (!last || last.status === 'running')) waiting = true;
        oldestPull = Math.min(oldestPull ?? Infinity, good ? Date.parse(good) : -Infinity);
      }
      return status;
    });
    const lagSeconds = oldestPull === undefined || oldestPull === -Infinity ? null : Math.round((clock.now().getTime() - oldestPull) / 1000);
    const lagging = (oldestPull === -Infinity && !waiting) || (lagSeconds !== null && lagSeconds > 2 * integration.intervalMinutes * 60);
    const health: Health = integration.paused ? 'paused' : failing ? 'failing' : waiting ? 'waiting' : lagging ? 'lagging' : 'healthy';
    return { integrationId: integration.id, health, lagSeconds, flows };
  });
}
