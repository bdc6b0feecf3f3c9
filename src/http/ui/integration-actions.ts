import type { Context } from 'hono';
import { Hono } from 'hono';
import { isWmsyncError } from '../../kernel/errors.js';
import type { UiDeps } from './deps.js';
import { notice } from './fragments.js';
import { ownIntegration, renderIntegration } from './integration-detail.js';
import { changedSettings } from './integration-settings.js';
import { editableFields, readSettings } from './settings-fields.js';

/**
 * The integration page's buttons. Each answers with a redirect back to the page (so a reload does
 * not repeat it), or renders the page with the reason when it was refused.
 */
export function integrationActions(deps: UiDeps) {
  const app = new Hono();
  const { sync } = deps;
  const page = (id: number, query = '') => `/integrations/${id}${query}`;

  /** Runs `work`; a refusal (config, conflict, record) is shown on the page instead of an error page. */
  const attempt = async (c: Context, work: () => Promise<Response>) => {
    try {
      return await work();
    } catch (e) {
      if (!isWmsyncError(e) || e.kind === 'system' || e.kind === 'not-found') throw e;
      return renderIntegration(c, deps, { top: notice('error', e.message, e.details), status: e.kind === 'conflict' ? 409 : 422 });
    }
  };

  app.post('/integrations/:id{[0-9]+}/flows/:flow/run', async (c) => {
    const integration = await ownIntegration(c, sync);
    // Waits for the run (and for one already running elsewhere), then shows its outcome.
    return attempt(c, async () => {
      const run = await sync.jobs.run({ type: 'flow-run', integrationId: integration.id, flow: c.req.param('flow') }, { trigger: 'manual', waitMs: 30_000 });
      return c.redirect(page(integration.id, `?run=${run.runId}#flows`), 303);
    });
  });

  for (const [verb, enabled] of [['enable', true], ['disable', false]] as const) {
    app.post(`/integrations/:id{[0-9]+}/flows/:flow/${verb}`, async (c) => {
      const integration = await ownIntegration(c, sync);
      return attempt(c, async () => {
        await sync.integrations.setFlowEnabled(integration.id, c.req.param('flow'), enabled);
        return c.redirect(page(integration.id, `?notice=${verb}d#flows`), 303);
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
    return attempt(c, async () => {
      const run = await sync.retryRecords(integration.id, c.req.param('flow'), ids.length ? ids : undefined);
      return c.redirect(page(integration.id, `?run=${run.runId}#failures`), 303);
    });
  });

  app.post('/integrations/:id{[0-9]+}/flows/:flow/retry-reports', async (c) => {
    const integration = await ownIntegration(c, sync);
    const requeued = await sync.retryReports(integration.id, c.req.param('flow'));
    return c.redirect(page(integration.id, `?requeued=${requeued}#failures`), 303);
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
      return renderIntegration(c, deps, { top: notice('error', 'Settings not saved: see the marked fields below.'), settingsIssues: e.details, status: 422 });
    }
    return c.redirect(page(integration.id, '?notice=saved'), 303);
  });
  return app;
}
