import type { Command } from 'commander';
import { newestFirstPage, pageByKey } from '../../kernel/pages.js';
import { failureKey } from '../../sync/failures.js';
import { action, listOptions, printList, table } from '../context.js';
import type { CommandDeps, ListFlags } from '../context.js';
import { integer } from '../parse.js';

/** What waits for a retry: records an import refused, and reports back the other system refused or has not taken yet. */
export function failuresCommand(program: Command, deps: CommandDeps): void {
  listOptions(
    program
      .command('failures')
      .description('records an import could not write, waiting to be fetched again')
      .command('list')
      .description("an integration's failed records, by flow and record id; --after FLOW:RECORD_ID goes on")
      .requiredOption('--integration <id>', 'the integration', integer),
  ).action(
    action(deps, async (ctx, opts: ListFlags & { integration: number }) => {
      const failures = await (await ctx.sync()).failures.list({ integrationId: opts.integration });
      printList(ctx, pageByKey(failures, failureKey, opts), (items) =>
        table(['FLOW', 'RECORD', 'ATTEMPTS', 'LAST FAILED', 'REASON'], items.map((f) => [f.flow, f.record, f.attempts, f.lastFailedAt, f.issues.map((i) => `${i.field}: ${i.reason}`).join('; ')])),
      );
    }),
  );
  listOptions(
    program
      .command('reports')
      .description('reports back to the other system (deliveries, receipts) and their state')
      .command('list')
      .description("an integration's reports, newest first; --after ID goes on with older ones")
      .requiredOption('--integration <id>', 'the integration', integer)
      .option('--status <statuses>', 'only these, comma-separated: pending, sending, sent, failed'),
    50,
  ).action(
    action(deps, async (ctx, opts: ListFlags & { integration: number; status?: string }) => {
      const status = opts.status?.split(',').map((s) => s.trim()).filter(Boolean);
      const found = await (await ctx.sync()).reports(opts.integration, { ...(status ? { status } : {}), ...(opts.after === undefined ? {} : { beforeId: integer(opts.after) }), limit: opts.limit + 1 });
      printList(ctx, newestFirstPage(found, opts.limit, (r) => r.id), (items) =>
        table(['ID', 'FLOW', 'ORDER', 'STATUS', 'ATTEMPTS', 'SENT', 'LAST ERROR'], items.map((r) => [r.id, r.flow, r.subject, r.status, r.attempts, r.sentAt ?? '', r.lastError ?? ''])),
      );
    }),
  );
}
