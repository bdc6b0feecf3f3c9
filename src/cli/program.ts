import { Command } from 'commander';
import type { CliIo, CommandDeps } from './context.js';
import { auditLogCommand } from './commands/audit-log.js';
import { connectorsCommand } from './commands/connectors.js';
import { goodsOwnersCommand } from './commands/goods-owners.js';
import { integrationsCommand } from './commands/integrations.js';
import { sandboxCommand } from './commands/sandbox.js';
import { syncCommand } from './commands/sync.js';
import { usersCommand } from './commands/users.js';
import { workerCommand } from './commands/worker.js';
import { serveCommand } from './commands/serve.js';
import type { Serve } from './commands/serve.js';
import { articlesCommand } from './commands/wms-articles.js';
import { ordersCommand } from './commands/wms-orders.js';
import { purchaseOrdersCommand } from './commands/wms-purchase-orders.js';
import { stockCommand, suppliersCommand } from './commands/wms-stock.js';
import { failuresCommand } from './commands/failures.js';

/** The `wmsync` command tree. Output goes through `io`, so tests run it in-process. */
export function buildProgram(io: CliIo, deps: CommandDeps & { serve: Serve; version: string; untilStopped: () => Promise<void> }): Command {
  const program = new Command('wmsync')
    .description('Integration hub between a warehouse management system and ERP / web-shop systems')
    .version(deps.version)
    .option('--data-dir <dir>', 'data directory (env WMSYNC_DATA_DIR, default ./data); DATABASE_URL=postgres://… switches to PostgreSQL')
    .option('--json', 'print one JSON document on stdout')
    .option('--debug', 'print the stack trace of an error')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) });

  goodsOwnersCommand(program, deps);
  const wms = program.command('wms').description('the embedded WMS: articles, orders, purchase orders, suppliers, stock');
  articlesCommand(wms, deps);
  ordersCommand(wms, deps);
  purchaseOrdersCommand(wms, deps);
  suppliersCommand(wms, deps);
  stockCommand(wms, deps);
  connectorsCommand(program, deps);
  integrationsCommand(program, deps);
  syncCommand(program, deps);
  usersCommand(program, deps);
  serveCommand(program, deps);
  workerCommand(program, deps);
  sandboxCommand(program, deps);
  auditLogCommand(program, deps);
  failuresCommand(program, deps);

  // Subcommands inherit the error handling and output of the root.
  const inherit = (cmd: Command) => {
    for (const sub of cmd.commands) {
      sub.exitOverride().showHelpAfterError().configureOutput(program.configureOutput());
      inherit(sub);
    }
  };
  inherit(program);
  return program;
}
