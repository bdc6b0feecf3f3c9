import type { Command } from 'commander';
import type { CommandDeps, CliContext } from '../context.js';
import { action } from '../context.js';
import { number } from '../parse.js';

/** Starts the long-running hub; `serve` resolves when the process is asked to stop. */
export type Serve = (ctx: CliContext, options: { host?: string; port?: number; worker?: boolean }) => Promise<void>;

export function serveCommand(program: Command, deps: CommandDeps & { serve: Serve }): void {
  program
    .command('serve')
    .description('run the hub: HTTP API, admin UI, webhooks (POST /webhooks/<system>/<id>) and the scheduler (default http://127.0.0.1:8080)')
    .option('--port <port>', 'HTTP port (env WMSYNC_PORT)', number)
    .option('--host <host>', 'address to bind (env WMSYNC_HOST); 0.0.0.0 makes it reachable from other hosts')
    .option('--no-worker', 'serve only (webhook deliveries are stored); leave the runs to `wmsync worker` processes')
    .action(action(deps, (ctx, opts: { host?: string; port?: number; worker: boolean }) => deps.serve(ctx, opts)));
}
