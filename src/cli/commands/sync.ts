import type { Command } from 'commander';
import type { RunSummary } from '../../sync/runs.js';
import { action, print, table } from '../context.js';
import type { CommandDeps } from '../context.js';
import { integer } from '../parse.js';

/** `sync`: run now and wait; `runs`: what ran, with one outcome per record. */
export function syncCommand(program: Command, deps: CommandDeps): void {
  program
    .command('sync <id>')
    .description("run an integration's enabled flows now (or one flow) and wait for them")
    .option('--flow <flow>', 'only this flow, e.g. order-import')
    .action(
      action(deps, async (ctx, id: string, opts: { flow?: string }) => {
        const sync = await ctx.sync();
        const options = { trigger: 'manual' as const, waitMs: 60_000 };
        const runs = opts.flow ? [await sync.jobs.run({ type: 'flow-run', integrationId: integer(id), flow: opts.flow }, options)] : await sync.jobs.runEnabled(integer(id), options);
        print(
          ctx,
          runs.map((r) => ({ runId: r.runId, flow: r.flow, status: r.status, counts: r.counts, error: r.error, errors: r.errors.map(({ record, field, value, reason }) => ({ record, field, value, reason })) })),
          () => runs.map(humanRun).join('\n\n'),
        );
        if (runs.some((r) => r.status === 'failed')) ctx.setExitCode(1);
      }),
    );

  const runs = program.command('runs').description('the history of flow runs');
  runs
    .command('list')
    .description('recent runs, newest first')
    .option('--integration <id>', 'only this integration', integer)
    .option('--limit <n>', 'at most this many', integer, 50)
    .action(
      action(deps, async (ctx, opts: { integration?: number; limit: number }) => {
        const list = await (await ctx.sync()).runs.list({ ...(opts.integration === undefined ? {} : { integrationId: opts.integration }), limit: opts.limit });
        print(ctx, list, () =>
          table(['RUN', 'INTEGRATION', 'FLOW', 'STATUS', 'STARTED', 'COUNTS'], list.map((r) => [r.runId, r.integrationId, r.flow, r.status, r.startedAt, countsText(r.counts)])),
        );
      }),
    );
  runs
    .command('retry <integrationId>')
    .description('fetch failed records again and write them (all of a flow, or those named), or re-queue failed reports')
    .requiredOption('--flow <flow>', 'e.g. order-import, or delivery-report for reports')
    .option('--record <externalId>', 'only this record (its id in the source system); repeatable', (v: string, prev: string[] = []) => [...prev, v])
    .action(
      action(deps, async (ctx, id: string, opts: { flow: string; record?: string[] }) => {
        const sync = await ctx.sync();
        const retried = await sync.retry(integer(id), opts.flow, opts.record);
        if (!('run' in retried)) {
          print(ctx, retried, () => `${retried.requeued} report(s) queued again; they go out on the next run`);
          return;
        }
        const { run } = retried;
        print(ctx, run, () => humanRun(run));
        if (run.status === 'failed') ctx.setExitCode(1);
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
