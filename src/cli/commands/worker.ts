import type { Command } from 'commander';
import type { CommandDeps, CliContext } from '../context.js';
import { action } from '../context.js';

/** `wmsync worker`: the scheduler and runs without the HTTP server; run as many as you like on PostgreSQL. */
export function workerCommand(program: Command, deps: CommandDeps & { untilStopped: () => Promise<void> }): void {
  program
    .command('worker')
    .description('run scheduled flows without serving HTTP; with DATABASE_URL any number of workers share the work')
    .action(
      action(deps, async (ctx: CliContext) => {
        const scheduler = (await ctx.sync()).createScheduler({ tickMs: ctx.config.worker.tickMs, concurrency: ctx.config.worker.concurrency });
        scheduler.start();
        ctx.logger.info({ concurrency: ctx.config.worker.concurrency, database: ctx.config.db.url ? 'postgres' : 'sqlite' }, 'wmsync worker started');
        await deps.untilStopped();
        ctx.logger.info('worker stopping: finishing the runs in progress');
        await scheduler.stop();
      }),
    );
}
