import type { Command } from 'commander';
import type { RunSummary } from '../../sync/runs.js';
import { action, listOptions, print, printList, table } from '../context.js';
import type { CommandDeps, ListFlags } from '../context.js';
import type { ErrorKind } from '../../kernel/errors.js';
import { exitCodes } from '../errors.js';
import { newestFirstPage } from '../../kernel/pages.js';
import { integer, positiveInteger } from '../parse.js';

/** `sync`: run now and wait; `runs`: what ran, with one outcome per record. */
export function syncCommand(program: Command, deps: CommandDeps): void {
  program
    .command('sync <id>')
    .description("run an integration's enabled flows now (or one flow) and wait for them")
    .option('--flow <flow>', 'only this flow, e.g. order-import')
    .action(
      action(deps, async (ctx, id: string, opts: { flow?: string }) => {
        const sync = await ctx.sync();
        const integrationId = integer(id);
        const flows = opts.flow ? [opts.flow] : (await sync.integrations.get(integrationId)).flows.filter((f) => f.enabled).map((f) => f.flow);
        // With the hub up, its workers run the flows, with the hub's address and environment.
        const graceMs = (await hubIsUp(ctx.hub.url)) ? 3000 : 0;
        const runs: RunSummary[] = [];
        for (const flow of flows) runs.push(await sync.jobs.runSoon({ type: 'flow-run', integrationId, flow }, { trigger: 'manual', waitMs: 60_000, graceMs }));
        print(
          ctx,
          runs.map((r) => ({ runId: r.runId, flow: r.flow, status: r.status, counts: r.counts, error: r.error, errors: r.errors.map(({ record, field, value, reason }) => ({ record, field, value, reason })) })),
          () => runs.map(humanRun).join('\n\n'),
        );
        ctx.setExitCode(exitCodeOf(runs));
      }),
    );

  const runs = program.command('runs').description('the history of flow runs');
  listOptions(runs.command('list').description('recent runs, newest first; --after RUN_ID goes on with older ones').option('--integration <id>', 'only this integration', integer), 50).action(
    action(deps, async (ctx, opts: ListFlags & { integration?: number }) => {
      const found = await (await ctx.sync()).runs.list({
        ...(opts.integration === undefined ? {} : { integrationId: opts.integration }),
        ...(opts.after === undefined ? {} : { beforeId: integer(opts.after) }),
        limit: opts.limit + 1,
      });
      printList(ctx, newestFirstPage(found, opts.limit, (r) => r.runId), (list) =>
        table(['RUN', 'INTEGRATION', 'FLOW', 'STATUS', 'STARTED', 'COUNTS'], list.map((r) => [r.runId, r.integrationId, r.flow, r.status, r.startedAt, countsText(r.counts)])),
      );
    }),
  );
  runs
    .command('retry <integrationId>')
    .description('fetch failed records again and write them (all of a flow, or those named), or re-queue failed reports')
    .requiredOption('--flow <flow>', 'e.g. order-import, or delivery-report for reports')
    .option('--record <externalId>', 'only this record (its id in the source system); repeatable', (v: string, prev: string[] = []) => [...prev, v])
    .option('--wait <seconds>', "how long to wait for the report run to end before printing it as it stands (it goes on in the hub's worker)", positiveInteger, 60)
    .action(
      action(deps, async (ctx, id: string, opts: { flow: string; record?: string[]; wait: number }) => {
        const sync = await ctx.sync();
        const retried = await sync.retry(integer(id), opts.flow, opts.record);
        // Reports queued again go out now, not at the next scheduled run: by the hub's worker when
        // one is up (with the hub's address and environment), else here.
        const graceMs = (await hubIsUp(ctx.hub.url)) ? 3000 : 0;
        const run = 'run' in retried ? retried.run : await sync.jobs.runSoon({ type: 'flow-run', integrationId: integer(id), flow: opts.flow }, { trigger: 'retry', waitMs: opts.wait * 1000, graceMs });
        if (!('run' in retried)) ctx.io.err(`${retried.requeued} report(s) queued again`);
        print(ctx, run, () => humanRun(run));
        ctx.setExitCode(exitCodeOf([run]));
      }),
    );
  runs
    .command('show <runId>')
    .description('one run: counts and every failed or locked record with its reason')
    .action(
      action(deps, async (ctx, runId: string) => {
        const run = await (await ctx.sync()).runs.get(integer(runId));
        print(ctx, run, () => humanRun(run));
      }),
    );
}

/** A failed run exits with its error's code (a temporary failure 5, a setting 2, …); records refused (partial) with 2. */
function exitCodeOf(runs: RunSummary[]): number {
  const failed = runs.find((r) => r.status === 'failed');
  if (failed) return exitCodes[(/^([a-z-]+): /.exec(failed.error ?? '')?.[1] ?? 'system') as ErrorKind] ?? 1;
  return runs.some((r) => r.status === 'partial') ? 2 : 0;
}

/** Whether a hub answers at this address (it may be this installation's). */
async function hubIsUp(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

const countsText = (counts: RunSummary['counts']) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ') || 'nothing to do';

function humanRun(r: RunSummary): string {
  const head = `run ${r.runId}  ${r.flow}  ${r.status}  ${countsText(r.counts)}`;
  const lines = r.errors.map((e) => `  ${e.outcome} ${e.record}: ${e.field ? `${e.field}${e.value === undefined ? '' : ` = ${JSON.stringify(e.value)}`}: ` : ''}${e.reason}`);
  return [head, ...(r.error ? [`  stopped: ${r.error}`] : []), ...lines].join('\n');
}
