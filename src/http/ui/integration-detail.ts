import type { Context } from 'hono';
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { describeConnector } from '../../connectors/describe.js';
import type { FieldIssue } from '../../kernel/errors.js';
import type { SyncServices } from '../../sync/services.js';
import type { IntegrationStatus } from '../../sync/status.js';
import { csrfField } from './csrf.js';
import type { UiDeps } from './deps.js';
import { duration, healthBadge, notice } from './fragments.js';
import type { Html } from './fragments.js';
import { failuresSection, waitingErrors } from './integration-failures.js';
import { flash } from './integration-flash.js';
import { runsSection } from './integration-flows.js';
import { overviewTab } from './integration-overview.js';
import { settingsSection } from './integration-settings.js';
import { layout } from './layout.js';
import { mappingSection } from './mapping-tables.js';
import { ownIntegrationById } from '../record-access.js';

/** The integration page's tabs, overview first; each is its own address, so a link or a reload keeps it. */
export const integrationTabs = [
  ['overview', 'Overview', ''],
  ['runs', 'Runs', '/runs'],
  ['errors', 'Errors', '/errors'],
  ['mapping', 'Mapping', '/mapping'],
  ['settings', 'Settings', '/settings'],
] as const;
export type IntegrationTab = (typeof integrationTabs)[number][0];

export const tabPath = (integrationId: number, tab: IntegrationTab, query = '') => `/integrations/${integrationId}${integrationTabs.find(([id]) => id === tab)![2]}${query}`;

/** The integration an `:id` names, refused as "not found" when it belongs to another goods owner. */
export const ownIntegration = (c: Context, sync: SyncServices) => ownIntegrationById(c, sync, c.req.param('id'));

function tabNav(integrationId: number, current: IntegrationTab, status: IntegrationStatus) {
  const errors = waitingErrors(status);
  return html`<nav class="tabs" aria-label="Integration" id="integration-tabs" data-live>
    ${integrationTabs.map(
      ([id, label]) => html`<a href="${tabPath(integrationId, id)}"${id === current ? html` aria-current="page"` : ''}>${label}${id === 'errors' && errors > 0 ? html` <span class="count">${errors}</span>` : ''}</a>`,
    )}
  </nav>`;
}

/** One tab of the integration page; actions that fail render it again with their message on top. */
export async function renderIntegration(c: Context, deps: UiDeps, tab: IntegrationTab, options: { top?: Html; settingsIssues?: FieldIssue[]; status?: ContentfulStatusCode } = {}) {
  const { sync } = deps;
  const integration = await ownIntegration(c, sync);
  const connector = sync.registry.get(integration.system);
  const status = await sync.status(integration.id);
  const top = options.top ?? (await flash(c, sync, integration.id));

  const content = async (): Promise<Html> => {
    switch (tab) {
      case 'overview':
        return overviewTab(c, deps, integration, status);
      case 'runs':
        return runsSection(await sync.runs.list({ integrationId: integration.id, limit: 50 }));
      case 'errors': {
        const [failures, reports] = await Promise.all([sync.failures.list({ integrationId: integration.id }), sync.reports(integration.id, { status: ['failed', 'pending', 'sending'] })]);
        return failuresSection(c, integration.id, failures, status, reports);
      }
      case 'mapping':
        return mappingSection(integration.id, describeConnector(connector, integration));
      case 'settings':
        return settingsSection(c, connector, integration, options.settingsIssues);
    }
  };

  return layout(
    c,
    { title: tab === 'overview' ? integration.name : `${integrationTabs.find(([id]) => id === tab)![1]} · ${integration.name}`, section: 'integrations', liveSource: `/ui/events?integration=${integration.id}` },
    html`<div class="page-head">
        <div>
          <h1>${integration.name}</h1>
          <p class="meta">Goods owner <a href="/wms/${encodeURIComponent(integration.goodsOwner)}/orders">${integration.goodsOwner}</a> · ${connector.displayName} · ${integration.environment}</p>
        </div>
        <div class="actions" id="health" data-live>
          ${healthBadge(status.health)}
          ${status.lagSeconds === null ? '' : html`<span class="muted">lag ${duration(status.lagSeconds)}</span>`}
          <form method="post" action="/integrations/${integration.id}/${integration.paused ? 'resume' : 'pause'}">${csrfField(c)}
            <button type="submit" id="pause-toggle">${integration.paused ? 'Resume' : 'Pause'}</button>
          </form>
        </div>
      </div>
      ${tabNav(integration.id, tab, status)}
      ${c.req.query('authorised') ? notice('ok', `Authorised: ${connector.displayName} accepted the sign-in, and the tokens are stored encrypted.`) : ''}
      ${top}
      ${await content()}`,
    options.status ?? 200,
  );
}

export function integrationDetailPage(deps: UiDeps) {
  const app = new Hono();
  for (const [tab, , path] of integrationTabs) app.get(`/integrations/:id{[0-9]+}${path}`, (c) => renderIntegration(c, deps, tab));
  return app;
}
