import type { Command } from 'commander';
import { Option } from 'commander';
import { auditKinds } from '../../audit/audit-log.js';
import { describeChanges } from '../../audit/describe.js';
import { positiveInteger } from '../parse.js';
import { listPage } from '../../kernel/pages.js';
import { action, printList, table } from '../context.js';
import type { CommandDeps } from '../context.js';

export function auditLogCommand(program: Command, deps: CommandDeps): void {
  const cmd = program.command('audit-log').description('who changed which integration, mapping, setting, order, user or goods owner');
  cmd
    .command('list')
    .description('changes, newest first')
    .addOption(new Option('--kind <kind>', 'only changes of this kind').choices([...auditKinds]))
    .option('--record <record>', 'only changes of this record, e.g. "integration 3"')
    .option('--limit <n>', 'at most this many', positiveInteger, 50)
    .option('--after <id>', 'the entries after this one in the list, so older (the `next` of the previous page)', positiveInteger)
    .action(
      action(deps, async (ctx, opts: { kind?: string; record?: string; limit: number; after?: number }) => {
        const page = await (await ctx.sync()).audit.list({ limit: opts.limit, ...(opts.kind ? { kind: opts.kind } : {}), ...(opts.record ? { record: opts.record } : {}), ...(opts.after ? { before: opts.after } : {}) });
        printList(ctx, listPage(page), (items) =>
          items.length ? table(['ID', 'WHEN', 'WHO', 'KIND', 'RECORD', 'WHAT', 'CHANGES'], items.map((e) => [e.id, e.at, e.actor, e.kind, e.record, e.action, describeChanges(e)])) : 'no changes recorded',
        );
      }),
    );
}
