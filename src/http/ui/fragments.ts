import { html } from 'hono/html';
import type { FieldIssue } from '../../kernel/errors.js';
import type { Health } from '../../sync/status.js';

/** What hono/html returns: escaped markup, possibly still resolving. */
export type Html = ReturnType<typeof html>;

const healthText: Record<Health, string> = { healthy: 'Healthy', waiting: 'Waiting for first run', lagging: 'Lagging', failing: 'Failing', paused: 'Paused' };

export const healthBadge = (health: Health) => html`<span class="badge badge-${health}">${healthText[health]}</span>`;

/** A run's status: running, succeeded, partial or failed. */
export const runBadge = (status: string) => html`<span class="badge badge-${status}">${status}</span>`;

/** A WMS status such as "450 Sent"; `done` (shipped, received) green, `stopped` (cancelled) red. */
export const statusBadge = (label: string, tone: 'open' | 'done' | 'stopped' = 'open') =>
  html`<span class="badge ${tone === 'done' ? 'badge-succeeded' : tone === 'stopped' ? 'badge-failed' : 'badge-status'}">${label}</span>`;

/** A UTC timestamp; the script shows it in the viewer's time zone. */
export const time = (iso: string | null | undefined) => (iso ? html`<time datetime="${iso}">${iso.slice(0, 16).replace('T', ' ')} UTC</time>` : html`<span class="muted">–</span>`);

export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '–';
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ${minutes % 60} min` : `${Math.floor(hours / 24)} d`;
}

/** "created 12 · unchanged 3": the outcomes that happened. */
export const countsText = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([outcome, n]) => `${outcome} ${n}`)
    .join(' · ') || 'nothing to do';

export const notice = (kind: 'ok' | 'error', text: string, issues: FieldIssue[] = []) =>
  html`<div class="notice notice-${kind}" role="${kind === 'error' ? 'alert' : 'status'}">
    ${text}
    ${issues.length > 1 ? html`<ul>${issues.map((i) => html`<li><code>${i.field}</code>${i.value === undefined ? '' : html` = ${JSON.stringify(i.value)}`}: ${i.reason}</li>`)}</ul>` : ''}
  </div>`;

/** A value in a table cell: text as is, anything else as JSON, nothing as a dash. */
export const cell = (value: unknown) =>
  value === undefined || value === null || value === '' ? html`<span class="muted">–</span>` : typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value);

/** Wraps a table so that it scrolls sideways on a narrow screen instead of overflowing the page. */
export const scrollTable = (label: string, head: Html, rows: Html[] | Html, empty = 'Nothing here yet.') =>
  html`<div class="table-wrap" role="region" aria-label="${label}" tabindex="0">
    <table>
      <thead>${head}</thead>
      <tbody>${Array.isArray(rows) && rows.length === 0 ? html`<tr><td colspan="20" class="empty">${empty}</td></tr>` : rows}</tbody>
    </table>
  </div>`;

/** "Next page" for cursor paging; "First page" once past it. */
export function pager(path: string, query: Record<string, string | undefined>, next: string | undefined) {
  const link = (extra: Record<string, string>) => {
    const params = new URLSearchParams(Object.entries({ ...query, ...extra }).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
    const text = params.toString();
    return text ? `${path}?${text}` : path;
  };
  const paged = query.after !== undefined;
  if (!paged && next === undefined) return '';
  return html`<nav class="actions" aria-label="Pages" style="margin-top:1rem">
    ${paged ? html`<a class="button small" href="${link({ after: '' })}">First page</a>` : ''}
    ${next !== undefined ? html`<a class="button small" href="${link({ after: next })}">Next page</a>` : ''}
  </nav>`;
}

/** Which page numbers to offer: the first, the last, and two either side of the current one. */
const shownPages = (current: number, count: number) => [...new Set([1, ...Array.from({ length: 5 }, (_, i) => current - 2 + i), count])].filter((n) => n >= 1 && n <= count).sort((a, b) => a - b);

/** Numbered pages: previous, the numbers (gaps shown as …), next; nothing when everything fits on one. */
export function numberedPages(link: (page: number) => string, current: number, count: number) {
  if (count <= 1) return '';
  const numbers = shownPages(current, count);
  return html`<nav class="pages" aria-label="Pages">
    ${current > 1 ? html`<a class="button small" href="${link(current - 1)}" rel="prev">Previous</a>` : ''}
    ${numbers.map(
      (n, i) => html`${i > 0 && n - numbers[i - 1]! > 1 ? html`<span class="muted" aria-hidden="true">…</span>` : ''}${n === current
        ? html`<a class="button small current" href="${link(n)}" aria-current="page" aria-label="Page ${n}">${n}</a>`
        : html`<a class="button small" href="${link(n)}" aria-label="Page ${n}">${n}</a>`}`,
    )}
    ${current < count ? html`<a class="button small" href="${link(current + 1)}" rel="next">Next</a>` : ''}
  </nav>`;
}
