import type { Context } from 'hono';
import { html } from 'hono/html';
import { describeConnector } from '../../connectors/describe.js';
import type { IntegrationView } from '../../sync/integrations.js';
import type { IntegrationStatus } from '../../sync/status.js';
import type { UiDeps } from './deps.js';
import { chartsSection, rangeOf, ranges } from './integration-charts.js';
import { waitingErrors } from './integration-failures.js';
import { flowsSection } from './integration-flows.js';

/** Runs charted at most: a week of 15-minute runs of four flows, with room. */
const CHARTED_RUNS = 5000;

/** The overview tab: authorisation, what waits in Errors, the functions with "Sync now" and progress, the activity charts. */
export async function overviewTab(c: Context, deps: UiDeps, integration: IntegrationView, status: IntegrationStatus) {
  const connector = deps.sync.registry.get(integration.system);
  const description = describeConnector(connector, integration);
  const authorised = integration.secretsSet.includes('accessToken');
  const errors = waitingErrors(status);
  const range = rangeOf(c);
  const now = new Date();
  const since = new Date(now.getTime() - ranges[range].hours * 3600_000).toISOString();
  const runs = await deps.sync.runs.list({ integrationId: integration.id, since, limit: CHARTED_RUNS });
  const importFlows = connector.flows.filter((f) => f.kind === 'import' && integration.flows.some((x) => x.flow === f.id && x.enabled)).map((f) => f.id as string);
  return html`${connector.oauth
      ? html`<p class="card">${authorised ? 'Authorised.' : html`<strong>Not authorised yet.</strong>`} <a class="button small" href="/oauth/start/${integration.id}">${authorised ? 'Authorise again' : 'Authorise'}</a></p>`
      : ''}
    <p class="card" id="errors-summary" data-live>
      ${errors > 0
        ? html`<strong class="bad-text">${errors} record${errors === 1 ? '' : 's'} or report${errors === 1 ? '' : 's'} wait${errors === 1 ? 's' : ''} for a fix or a retry.</strong> <a href="/integrations/${integration.id}/errors">See the errors</a>`
        : html`No errors: every record and report went through.`}
    </p>
    ${flowsSection(c, integration, status, description.flows)}
    ${chartsSection(integration.id, runs, importFlows, range, now)}`;
}
