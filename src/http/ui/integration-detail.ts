import type { Context } from 'hono';
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { describeConnector } from '../../connectors/describe.js';
import type { FieldIssue } from '../../kernel/errors.js';
import type { SyncServices } from '../../sync/services.js';
import { csrfField } from './csrf.js';
import type { UiDeps } from './deps.js';
import { countsText, duration, healthBadge, notice } from './fragments.js';
import type { Html } from './fragments.js';
import { failuresSection } from './integration-failures.js';
import { flowsSection, runsSection } from './integration-flows.js';
import { settingsSection } from './integration-settings.js';
import { layout } from './layout.js';
import { mappingSection } from './mapping-tables.js';
import { ownIntegrationById } from '../record-access.js';

/** Short confirmations after a redirect; fixed texts, so nothing from the URL reaches the page. */
const notices: Record<string, string> = {
  created: 'Integration saved. Use "Sync now" to run a function at once, or let the schedule run it.',
  saved: 'Settings saved. Cursors and links are kept.',
  paused: 'Paused: no function runs until you resume.',
  resumed: 'Resumed: the functions run on their schedule again.',
  enabled: 'Function switched on.',
  disabled: 'Function switched off.',
};

/** The integration an `:id` names, refused as "not found" when it belongs to another goods owner. */
export const ownIntegration = (c: Context, sync: SyncServices) => ownIntegrationById(c, sync, c.req.param('id'));

async function flash(c: Context, sync: SyncServices, integrationId: number): Promise<Html | string> {
  const runId = Number(c.req.query('run'));
  if (runId > 0) {
    const run = await sync.runs.get(runId);
    if (run.integrationId !== integrationId) return '';
    const text = `Run #${run.runId} of ${run.flow}: ${run.status}, ${countsText(run.counts)}.${run.error ? ` ${run.error}` : ''}`;
    return notice(run.status === 'failed' ? 'error' : 'ok', text);
  }
  const requeued = c.req.query('requeued');
  if (requeued !== undefined) return notice('ok', `${Number(requeued)} failed report(s) queued again; the next run of the report flow sends them.`);
  const code = c.req.query('notice');
  return code && notices[code] ? notice('ok', notices[code]) : '';
}

/** The whole integration page; actions that fail render it again with their message on top. */
export async function renderIntegration(c: Context, deps: UiDeps, options: { top?: Html; settingsIssues?: FieldIssue[]; status?: ContentfulStatusCode } = {}) {
  const { sync } = deps;
  const integration = await ownIntegration(c, sync);
  const connector = sync.registry.get(integration.system);
  const [status, runs, failures, refused] = await Promise.all([
    sync.status(integration.id),
    sync.runs.list({ integrationId: integration.id, limit: 20 }),
    sync.failures.list({ integrationId: integration.id }),
    sync.reports(integration.id, { status: ['failed'] }),
  ]);
  const description = describeConnector(connector, integration);
  const authorised = integration.secretsSet.includes('accessToken');
  const top = options.top ?? (await flash(c, sync, integration.id));

  return layout(
    c,
    { title: integration.name, section: 'integrations', liveSource: `/ui/events?integration=${integration.id}` },
    html`<div class="page-head">
        <div>
          <h1>${integration.name}</h1>
          <p class="meta">Goods owner <a href="/wms/${encodeURIComponent(integration.goodsOwner)}/orders">${integration.goodsOwner}</a> · ${connector.displayName} · ${integration.environment}</p>
        </div>
        <div class="actions" id="health" data-live>
          ${healthBadge(status.health)}
          <span class="muted">lag ${duration(status.lagSeconds)}</span>
          <form method="post" action="/integrations/${integration.id}/${integration.paused ? 'resume' : 'pause'}">${csrfField(c)}
            <button type="submit" id="pause-toggle">${integration.paused ? 'Resume' : 'Pause'}</button>
          </form>
        </div>
      </div>
      ${c.req.query('authorised') ? notice('ok', `Authorised: ${connector.displayName} accepted the sign-in, and the tokens are stored encrypted.`) : ''}
      ${top}
      ${connector.oauth
        ? html`<p class="card">${authorised ? 'Authorised.' : html`<strong>Not authorised yet.</strong>`} <a class="button small" href="/oauth/start/${integration.id}">${authorised ? 'Authorise again' : 'Authorise'}</a></p>`
        : ''}
      ${flowsSection(c, integration, status, description.flows)}
      ${failuresSection(c, integration.id, failures, status, refused)}
      ${runsSection(runs)}
      ${mappingSection(integration.id, description)}
      ${settingsSection(c, connector, integration, options.settingsIssues)}`,
    options.status ?? 200,
  );
}

export function integrationDetailPage(deps: UiDeps) {
  const app = new Hono();
  app.get('/integrations/:id{[0-9]+}', (c) => renderIntegration(c, deps));
  return app;
}
