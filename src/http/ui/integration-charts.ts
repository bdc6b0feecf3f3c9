import type { Context } from 'hono';
import { html } from 'hono/html';
import type { RunSummary } from '../../sync/runs.js';
import { chart } from './charts.js';
import { duration } from './fragments.js';

type Run = Omit<RunSummary, 'errors'>;

/** The two windows the overview charts, each in slots small enough to see a day's shape. */
export const ranges = {
  '24h': { label: 'Last 24 h', from: '24 h ago', hours: 24, slotHours: 1 },
  '7d': { label: 'Last 7 days', from: '7 days ago', hours: 168, slotHours: 6 },
} as const;
export type Range = keyof typeof ranges;

export const rangeOf = (c: Context): Range => (c.req.query('range') === '7d' ? '7d' : '24h');

/** What a run wrote or sent: every outcome but "unchanged" (looked at, nothing to do). */
const written = (r: Run) => Object.entries(r.counts).reduce((n, [outcome, x]) => (outcome === 'unchanged' ? n : n + x), 0);
/** A run's errors: its failed records, or the run itself when it stopped. */
const errorsOf = (r: Run) => (r.counts.failed ?? 0) + (r.status === 'failed' ? 1 : 0);

/**
 * The series of the overview's charts over a window ending `now`: records written, errors and API
 * calls per slot (by when the run started), and the lag at the end of each slot, as the status
 * counts it: the time since the oldest of the pulling flows last succeeded (unknown until each
 * has succeeded once in the window).
 */
export function chartSeries(runs: Run[], importFlows: string[], range: Range, now: Date) {
  const { hours, slotHours, from } = ranges[range];
  const slotMs = slotHours * 3600_000;
  const start = now.getTime() - hours * 3600_000;
  const slots = hours / slotHours;
  const slotOf = (iso: string) => Math.min(slots - 1, Math.floor((Date.parse(iso) - start) / slotMs));
  const sum = (value: (r: Run) => number) => {
    const out = new Array<number>(slots).fill(0);
    for (const r of runs) if (Date.parse(r.startedAt) >= start) out[slotOf(r.startedAt)]! += value(r);
    return out;
  };
  const good = runs.filter((r) => importFlows.includes(r.flow) && (r.status === 'succeeded' || r.status === 'partial'));
  const lag = Array.from({ length: slots }, (_, i) => {
    const end = Math.min(start + (i + 1) * slotMs, now.getTime());
    const lastGood = importFlows.map((flow) => Math.max(-Infinity, ...good.filter((r) => r.flow === flow && Date.parse(r.startedAt) <= end).map((r) => Date.parse(r.startedAt))));
    const oldest = Math.min(...lastGood);
    return importFlows.length === 0 || oldest === -Infinity ? null : Math.round((end - oldest) / 1000);
  });
  const slotWord = slotHours === 1 ? 'hour' : `${slotHours} h`;
  const common = { from, to: 'now' };
  return [
    { ...common, id: 'records', title: `Records written per ${slotWord}`, unit: 'records', values: sum(written), kind: 'bars' as const, tone: 'accent' as const },
    { ...common, id: 'lag', title: 'Lag', unit: '', values: lag, kind: 'line' as const, tone: 'accent' as const, format: (s: number) => duration(s) },
    { ...common, id: 'errors', title: `Errors per ${slotWord}`, unit: 'errors', values: sum(errorsOf), kind: 'bars' as const, tone: 'bad' as const },
    { ...common, id: 'calls', title: `API calls per ${slotWord}`, unit: 'calls', values: sum((r) => r.apiCalls), kind: 'bars' as const, tone: 'accent' as const },
  ];
}

/** The charts card of the overview, with the window to show. */
export function chartsSection(integrationId: number, runs: Run[], importFlows: string[], range: Range, now: Date) {
  return html`<section class="card" id="charts" data-live aria-labelledby="charts-title">
    <div class="section-head">
      <h2 id="charts-title">Activity · ${ranges[range].label}</h2>
      <nav class="actions" aria-label="Time range">
        ${(Object.keys(ranges) as Range[]).map((r) => html`<a class="button small${r === range ? ' current' : ''}" href="/integrations/${integrationId}?range=${r}"${r === range ? html` aria-current="true"` : ''}>${ranges[r].label}</a>`)}
      </nav>
    </div>
    <div class="charts">${chartSeries(runs, importFlows, range, now).map(chart)}</div>
  </section>`;
}
