import type { Context } from 'hono';
import { Hono } from 'hono';
import { configError, isWmsyncError } from '../../kernel/errors.js';
import type { UiDeps } from './deps.js';
import { notice } from './fragments.js';
import { ownIntegration, renderIntegration, tabPath } from './integration-detail.js';
import type { IntegrationTab } from './integration-detail.js';
import { changedSettings } from './integration-settings.js';
import { editableFields, readSettings } from './settings-fields.js';

/** How long "Sync now" leaves a queued run to the hub's workers before this process runs it: two default ticks. */
const SYNC_NOW_GRACE_MS = 2000;

/**
 * The integration page's buttons. Each answers with a redirect back to the page (so a reload does
 * not repeat it), or renders the page with the reason when it was refused.
 */
export function integrationActions(deps: UiDeps) {
  const app = new Hono();
  const { sync, logger } = deps;
  const page = (id: number, query = '') => tabPath(id, 'overview', query);

  /** Runs `work`; a refusal (config, conflict, record) is shown on the page instead of an error page. */
  const attempt = async (c: Context, work: () => Promise<Response>, tab: IntegrationTab = 'overview') => {
    try {
      return await work();
    } catch (e) {
      if (!isWmsyncError(e) || e.kind === 'system' || e.kind === 'not-found') throw e;
      return renderIntegration(c, deps, tab, { top: notice('error', e.message, e.details), status: e.kind === 'conflict' ? 409 : 422 });
    }
  };

  /**
   * Queues a run of the flow through the job port and returns at once: a worker of the hub takes
   * it within a tick, or, when none does, this process runs it after the grace. The answer is the
   * page with the queued run's live progress; the run's own failure is on the run, as any run's.
   */
  async function queueRun(integrationId: number, flow: string): Promise<string> {
    const [before] = await sync.runs.list({ integrationId, flow, limit: 1 });
    const integration = await sync.integrations.get(integrationId);
    const known = integration.flows.find((f) => f.flow === flow);
    if (!known) throw configError(`this integration has no flow "${flow}"`);
    if (!known.enabled) throw configError(`${flow} is off: switch it on first`);
    sync.jobs
      .runSoon({ type: 'flow-run', integrationId, flow }, { trigger: 'manual', waitMs: 0, graceMs: SYNC_NOW_GRACE_MS })
      .catch((e: Error) => logger.info({ integration: integrationId, flow, err: e.message }, 'sync now: not run here'));
    return `queued=${encodeURIComponent(flow)}&since=${before?.runId ?? 0}`;
  }

  app.post('/integrations/:id{[0-9]+}/flows/:flow/run', async (c) => {
    const integration = await ownIntegration(c, sync);
    return attempt(c, async () => c.redirect(page(integration.id, `?${await queueRun(integration.id, c.req.param('flow'))}`), 303));
  });

  for (const [verb, enabled] of [['enable', true], ['disable', false]] as const) {
    app.post(`/integrations/:id{[0-9]+}/flows/:flow/${verb}`, async (c) => {
      const integration = await ownIntegration(c, sync);
      return attempt(c, async () => {
        await sync.integrations.setFlowEnabled(integration.id, c.req.param('flow'), enabled);
        return c.redirect(page(integration.id, `?notice=${verb}d`), 303);
      });
    });
  }

  for (const [verb, paused] of [['pause', true], ['resume', false]] as const) {
    app.post(`/integrations/:id{[0-9]+}/${verb}`, async (c) => {
      const integration = await ownIntegration(c, sync);
      await sync.integrations.setPaused(integration.id, paused);
      return c.redirect(page(integration.id, `?notice=${verb}d`), 303);
    });
  }

  app.post('/integrations/:id{[0-9]+}/flows/:flow/retry', async (c) => {
    const integration = await ownIntegration(c, sync);
    const form = await c.req.parseBody({ all: true });
    const ids = ([] as unknown[]).concat(form.externalId ?? []).filter((x): x is string => typeof x === 'string' && x !== '');
    return attempt(
      c,
      async () => {
        const run = await sync.retryRecords(integration.id, c.req.param('flow'), ids.length ? ids : undefined);
        return c.redirect(tabPath(integration.id, 'errors', `?run=${run.runId}`), 303);
      },
      'errors',
    );
  });

  // The reports go back in the queue, and their flow is run at once to send them.
  app.post('/integrations/:id{[0-9]+}/flows/:flow/retry-reports', async (c) => {
    const integration = await ownIntegration(c, sync);
    return attempt(
      c,
      async () => {
        const requeued = await sync.retryReports(integration.id, c.req.param('flow'));
        return c.redirect(tabPath(integration.id, 'errors', `?requeued=${requeued}&${await queueRun(integration.id, c.req.param('flow'))}`), 303);
      },
      'errors',
    );
  });

  app.post('/integrations/:id{[0-9]+}/settings', async (c) => {
    const integration = await ownIntegration(c, sync);
    const form = await c.req.parseBody();
    const connector = sync.registry.get(integration.system);
    const change = changedSettings(connector, integration, readSettings(form, editableFields(c, connector)));
    const name = typeof form.name === 'string' ? form.name.trim() : '';
    try {
      await sync.integrations.update(integration.id, { ...change, ...(name && name !== integration.name ? { name } : {}) });
    } catch (e) {
      if (!isWmsyncError(e) || e.kind !== 'record') throw e;
      return renderIntegration(c, deps, 'settings', { top: notice('error', 'Settings not saved: see the marked fields below.'), settingsIssues: e.details, status: 422 });
    }
    return c.redirect(tabPath(integration.id, 'settings', '?notice=saved'), 303);
  });
  return app;
}
