import type { Context } from 'hono';
import { html } from 'hono/html';
import type { RecordFailure } from '../../sync/failures.js';
import type { ReportEntry } from '../../sync/outbox.js';
import type { IntegrationStatus } from '../../sync/status.js';
import { csrfField } from './csrf.js';
import { cell, scrollTable, time } from './fragments.js';

export interface FailureGroup {
  flow: string;
  /** The shared reason: every issue of the record, field (without list positions) and reason; values left out. */
  cause: string;
  failures: RecordFailure[];
}

/**
 * Records that failed for the same reason in the same flow belong together: one fix, one retry.
 * `lines[2].quantity` and `lines[0].quantity` are one field here: the same problem on another line.
 */
export function groupByCause(failures: RecordFailure[]): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  for (const failure of failures) {
    const cause = failure.issues.map((i) => (i.field ? `${i.field.replace(/\[\d+\]/g, '[]')}: ${i.reason}` : i.reason)).join('; ') || 'no reason recorded';
    const key = `${failure.flow}\n${cause}`;
    const group = groups.get(key) ?? groups.set(key, { flow: failure.flow, cause, failures: [] }).get(key)!;
    group.failures.push(failure);
  }
  return [...groups.values()].sort((a, b) => b.failures.length - a.failures.length);
}

function retryForm(c: Context, integrationId: number, flow: string, externalIds: string[], label: string, id: string, name: string) {
  return html`<form method="post" action="/integrations/${integrationId}/flows/${flow}/retry">${csrfField(c)}
    ${externalIds.map((x) => html`<input type="hidden" name="externalId" value="${x}" />`)}
    <button type="submit" class="small" id="${id}" aria-label="${name}">${label}</button>
  </form>`;
}

/** Records waiting for a retry, and reports that failed or wait after a failed attempt. */
export const waitingErrors = (status: IntegrationStatus) => status.flows.reduce((n, f) => n + f.failures + (f.outbox?.failed ?? 0) + (f.outbox?.retrying ?? 0), 0);

/** Per-record errors grouped by cause, with "Retry" for one record or the whole group; failed reports with "Retry". */
export function failuresSection(c: Context, integrationId: number, failures: RecordFailure[], status: IntegrationStatus, reports: ReportEntry[]) {
  const groups = groupByCause(failures);
  const refused = reports.filter((r) => r.status === 'failed');
  const failedReports = status.flows.filter((f) => (f.outbox?.failed ?? 0) > 0);
  // Retried, or the system did not answer: not sent yet, and the last attempt's error says why.
  const unsent = reports.filter((r) => r.status !== 'failed' && r.lastError !== null);
  const body =
    groups.length === 0 && failedReports.length === 0 && unsent.length === 0
      ? html`<p class="muted">No errors: every record and report went through.</p>`
      : html`${unsent.length
          ? html`<div class="group"><div class="group-head"><span><strong>${unsent.length} report${unsent.length === 1 ? '' : 's'} not sent yet</strong> · an attempt failed; the report flow tries again</span></div>
            ${scrollTable(
              'Reports not sent yet',
              html`<tr><th>Order</th><th>Flow</th><th>In the system</th><th class="num">Attempts</th><th>The last attempt's error</th></tr>`,
              unsent.map((r) => html`<tr><td>${r.subject}</td><td>${r.flow}</td><td>${r.externalId}</td><td class="num">${r.attempts}</td><td>${r.lastError}</td></tr>`),
            )}</div>`
          : ''}
        ${failedReports.map(
          (f) => html`<div class="group"><div class="group-head">
            <span><strong>${f.outbox!.failed} ${f.flow === 'delivery-report' ? 'delivery' : 'receipt'} report${f.outbox!.failed === 1 ? '' : 's'} failed</strong> · ${f.flow}</span>
            <form method="post" action="/integrations/${integrationId}/flows/${f.flow}/retry-reports">${csrfField(c)}<button type="submit" class="small" id="retry-reports-${f.flow}">Retry reports</button></form>
          </div>
          ${scrollTable(
            `Failed ${f.flow} reports`,
            html`<tr><th>Order</th><th>In the system</th><th class="num">Attempts</th><th>The system's answer</th></tr>`,
            refused
              .filter((r) => r.flow === f.flow)
              .map((r) => html`<tr><td>${r.subject}</td><td>${r.externalId}</td><td class="num">${r.attempts}</td><td>${r.lastError ?? ''}</td></tr>`),
          )}</div>`,
        )}
        ${groups.map(
          (g, i) => html`<div class="group">
            <div class="group-head">
              <span><strong>${g.cause}</strong> · ${g.flow} · ${g.failures.length} record${g.failures.length === 1 ? '' : 's'}</span>
              ${retryForm(c, integrationId, g.flow, g.failures.map((f) => f.externalId), `Retry all ${g.failures.length}`, `retry-group-${i}`, `Retry all ${g.failures.length} failing with: ${g.cause}`)}
            </div>
            ${scrollTable(
              `Records failing with: ${g.cause}`,
              html`<tr><th>Record</th><th>Field</th><th>Value</th><th class="num">Attempts</th><th>Last failed</th><th><span class="visually-hidden">Actions</span></th></tr>`,
              g.failures.map(
                (f) => html`<tr>
                  <td>${f.record}</td>
                  <td>${f.issues.map((x) => html`<code>${x.field || '–'}</code> `)}</td>
                  <td>${f.issues.map((x) => cell(x.value))}</td>
                  <td class="num">${f.attempts}</td><td>${time(f.lastFailedAt)}</td>
                  <td>${retryForm(c, integrationId, f.flow, [f.externalId], 'Retry', `retry-${f.flow}-${f.externalId}`, `Retry ${f.record}`)}</td>
                </tr>`,
              ),
            )}
          </div>`,
        )}`;
  return html`<section class="card" id="failures" data-live aria-labelledby="failures-title"><h2 id="failures-title">Errors</h2>${body}</section>`;
}
