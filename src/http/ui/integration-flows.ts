import type { Context } from 'hono';
import { html } from 'hono/html';
import type { IntegrationView } from '../../sync/integrations.js';
import type { RunSummary } from '../../sync/runs.js';
import type { IntegrationStatus } from '../../sync/status.js';
import { csrfField } from './csrf.js';
import { countsText, runBadge, scrollTable, time } from './fragments.js';
import { runProgress } from './run-progress.js';

type Described = { flow: string; description: string };

/** The flows of an integration: on/off, last and next run, counts, waiting errors, "Sync now". */
export function flowsSection(c: Context, integration: IntegrationView, status: IntegrationStatus, described: Described[]) {
  const base = `/integrations/${integration.id}/flows`;
  const rows = status.flows.map((f) => {
    const description = described.find((d) => d.flow === f.flow)?.description ?? '';
    const waiting = f.failures + (f.outbox?.failed ?? 0) + (f.outbox?.retrying ?? 0);
    const running = f.lastRun?.status === 'running';
    return html`<tr>
      <td><strong>${f.flow}</strong><br /><span class="muted">${description}</span></td>
      <td>
        <form method="post" action="${base}/${f.flow}/${f.enabled ? 'disable' : 'enable'}">${csrfField(c)}
          <button type="submit" class="small" id="toggle-${f.flow}" aria-pressed="${f.enabled ? 'true' : 'false'}" aria-label="${f.flow}: ${f.enabled ? 'on, switch off' : 'off, switch on'}">
            <span class="badge badge-${f.enabled ? 'on' : 'off'}">${f.enabled ? 'On' : 'Off'}</span>
          </button>
        </form>
      </td>
      <td>${f.lastRun ? html`<a href="/runs/${f.lastRun.runId}">${time(f.lastRun.startedAt)}</a><br />${runBadge(f.lastRun.status)}` : html`<span class="muted">never</span>`}</td>
      <td>${f.enabled && !integration.paused ? time(f.nextRunAt) : html`<span class="muted">–</span>`}</td>
      <td>${f.lastRun ? (running ? runProgress({ ...f.lastRun, flow: f.flow }) : countsText(f.lastRun.counts)) : ''}${f.outbox ? html`<br /><span class="muted">reports waiting: ${f.outbox.pending}</span>` : ''}</td>
      <td class="num">${waiting > 0 ? html`<a href="/integrations/${integration.id}/errors">${waiting}</a>` : '0'}</td>
      <td>
        <form method="post" action="${base}/${f.flow}/run">${csrfField(c)}
          <button type="submit" class="small" id="run-${f.flow}" aria-label="Sync now: ${f.flow}"${!f.enabled ? html` disabled title="Switch the flow on first"` : running ? html` disabled title="Running now"` : ''}>Sync now</button>
        </form>
      </td>
    </tr>`;
  });
  return html`<section class="card" id="flows" data-live>
    <h2 id="flows-title">Functions</h2>
    ${scrollTable('Functions', html`<tr><th>Flow</th><th>On</th><th>Last run</th><th>Next run</th><th>Last run's records</th><th class="num">Errors</th><th><span class="visually-hidden">Actions</span></th></tr>`, rows)}
  </section>`;
}

/** The latest runs, each linking to its page with every failed or locked record; a running one with its progress. */
export function runsSection(runs: Omit<RunSummary, 'errors'>[]) {
  const took = (r: (typeof runs)[number]) => (r.finishedAt ? `${((Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 1000).toFixed(1)} s` : 'running');
  return html`<section class="card" id="runs" data-live>
    <h2 id="runs-title">Run history</h2>
    ${scrollTable(
      'Run history',
      html`<tr><th>Run</th><th>Flow</th><th>Trigger</th><th>Status</th><th>Started</th><th class="num">Took</th><th class="num">API calls</th><th>Records</th></tr>`,
      runs.map(
        (r) => html`<tr>
          <td><a href="/runs/${r.runId}">#${r.runId}</a></td><td>${r.flow}</td><td>${r.trigger}</td><td>${runBadge(r.status)}</td>
          <td>${time(r.startedAt)}</td><td class="num">${took(r)}</td><td class="num">${r.apiCalls}</td>
          <td>${r.status === 'running' ? runProgress(r) : countsText(r.counts)}${r.error ? html`<br /><span class="muted">${r.error}</span>` : ''}</td>
        </tr>`,
      ),
      'No runs yet: use "Sync now", or wait for the schedule.',
    )}
  </section>`;
}
