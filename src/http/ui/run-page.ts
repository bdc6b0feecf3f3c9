import { Hono } from 'hono';
import { html } from 'hono/html';
import type { UiDeps } from './deps.js';
import { cell, countsText, runBadge, scrollTable, time } from './fragments.js';
import { layout } from './layout.js';
import { ownRunById } from '../record-access.js';

/** `/runs/:id`: one run with every failed and locked record: which field, which value, why. */
export function runPage({ sync }: UiDeps) {
  const app = new Hono();
  app.get('/runs/:id{[0-9]+}', async (c) => {
    const run = await ownRunById(c, sync, c.req.param('id'));
    const integration = await sync.integrations.get(run.integrationId);
    return layout(
      c,
      { title: `Run #${run.runId}`, section: 'integrations', liveSource: `/ui/events?integration=${integration.id}` },
      html`<div class="page-head"><div>
          <h1>Run #${run.runId} · ${run.flow}</h1>
          <p class="meta"><a href="/integrations/${integration.id}">${integration.name}</a> · ${run.trigger}</p>
        </div></div>
        <section class="card" id="run-summary" data-live aria-labelledby="summary-title">
          <h2 id="summary-title" class="visually-hidden">Summary</h2>
          <dl class="facts">
            <dt>Status</dt><dd>${runBadge(run.status)}</dd>
            <dt>Started</dt><dd>${time(run.startedAt)}</dd>
            <dt>Finished</dt><dd>${time(run.finishedAt)}</dd>
            <dt>Records</dt><dd>${countsText(run.counts)}</dd>
            ${run.error ? html`<dt>Stopped by</dt><dd>${run.error}</dd>` : ''}
          </dl>
        </section>
        <section class="card" id="run-errors" data-live>
          <h2 id="errors-title">Failed and locked records</h2>
          ${scrollTable(
            'Failed and locked records',
            html`<tr><th>Record</th><th>Outcome</th><th>Field</th><th>Value</th><th>Reason</th></tr>`,
            run.errors.map(
              (e) => html`<tr><td>${e.record}</td><td><span class="badge badge-${e.outcome === 'locked' ? 'partial' : 'failed'}">${e.outcome}</span></td><td>${e.field ? html`<code>${e.field}</code>` : cell(undefined)}</td><td>${cell(e.value)}</td><td>${e.reason}</td></tr>`,
            ),
            'Every record went through.',
          )}
        </section>`,
    );
  });
  return app;
}
