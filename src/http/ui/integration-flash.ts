import type { Context } from 'hono';
import { html } from 'hono/html';
import type { SyncServices } from '../../sync/services.js';
import { countsText, notice } from './fragments.js';
import type { Html } from './fragments.js';
import { runProgress } from './run-progress.js';

/** Short confirmations after a redirect; fixed texts, so nothing from the URL reaches the page. */
const notices: Record<string, string> = {
  created: 'Integration saved. Use "Sync now" to run a function at once, or let the schedule run it.',
  saved: 'Settings saved. Cursors and links are kept.',
  paused: 'Paused: no function runs until you resume.',
  resumed: 'Resumed: the functions run on their schedule again.',
  enabled: 'Function switched on.',
  disabled: 'Function switched off.',
};

type Run = Awaited<ReturnType<SyncServices['runs']['get']>>;

const outcome = (run: Omit<Run, 'errors'>) =>
  notice(run.status === 'failed' ? 'error' : 'ok', `Run #${run.runId} of ${run.flow}: ${run.status}, ${countsText(run.counts)}.${run.error ? ` ${run.error}` : ''}`);

/**
 * "Sync now" came back at once (`?queued=FLOW&since=RUN`): the first run of that flow after
 * `since`, as it stands: still queued, running with its progress, or its outcome. The section is
 * live, so it moves from one to the next without a reload.
 */
async function queued(sync: SyncServices, integrationId: number, flow: string, since: number): Promise<Html> {
  const [latest] = await sync.runs.list({ integrationId, flow, limit: 1 });
  if (!latest || latest.runId <= since) return html`<div class="notice notice-ok" role="status">Queued: ${flow} starts in a moment; its progress shows here.</div>`;
  if (latest.status !== 'running') return outcome(latest);
  return html`<div class="notice notice-ok" role="status">Run #${latest.runId} of ${flow} is running. ${runProgress(latest)}</div>`;
}

/** The message a redirect asked for, as one live section. */
export async function flash(c: Context, sync: SyncServices, integrationId: number): Promise<Html> {
  const message = async (): Promise<Html | string> => {
    const runId = Number(c.req.query('run'));
    if (runId > 0) {
      const run = await sync.runs.get(runId);
      return run.integrationId === integrationId ? outcome(run) : '';
    }
    const flow = c.req.query('queued');
    const integration = await sync.integrations.get(integrationId);
    const requeued = c.req.query('requeued');
    const again = requeued === undefined ? '' : notice('ok', `${Number(requeued)} failed report(s) queued again; they go out with the run that starts now.`);
    if (flow && integration.flows.some((f) => f.flow === flow)) return html`${again}${await queued(sync, integrationId, flow, Number(c.req.query('since')) || 0)}`;
    if (again) return again;
    const code = c.req.query('notice');
    return code && notices[code] ? notice('ok', notices[code]) : '';
  };
  return html`<div id="flash" data-live>${await message()}</div>`;
}
