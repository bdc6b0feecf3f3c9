import { Option } from 'commander';
import type { Command } from 'commander';
import type { GoodsOwner } from '../../domain/index.js';
import { pageAfter } from '../../kernel/pages.js';
import { action, listOptions, print, printList, table } from '../context.js';
import type { CommandDeps, ListFlags } from '../context.js';

export function goodsOwnersCommand(program: Command, deps: CommandDeps): void {
  const cmd = program.command('goods-owners').description('the companies whose goods the warehouse holds');
  cmd
    .command('add <code>')
    .description('add a goods owner')
    .requiredOption('--name <name>', 'company name')
    .action(
      action(deps, async (ctx, code: string, opts: { name: string }) => {
        const owner = await (await ctx.wms()).addGoodsOwner({ code, name: opts.name });
        print(ctx, owner, () => `added goods owner ${owner.code} (${owner.name})`);
      }),
    );
  listOptions(cmd.command('list').description('list goods owners, in code order')).action(
    action(deps, async (ctx, opts: ListFlags) => {
      const page = pageAfter(await (await ctx.wms()).listGoodsOwners(), (o) => o.code, opts);
      printList(ctx, page, (items) => table(['CODE', 'NAME', 'NEGATIVE STOCK', 'CREATED'], items.map((o) => [o.code, o.name, negativeStock(o), o.createdAt])));
    }),
  );
  cmd
    .command('set <code>')
    .description("change a goods owner's warehouse rules")
    .addOption(
      new Option('--allow-negative-stock <yes|no>', 'yes: ship even what is not in stock (physical stock goes below zero); no (the default rule): refuse such a shipment').choices(['yes', 'no']).makeOptionMandatory(),
    )
    .action(
      action(deps, async (ctx, code: string, opts: { allowNegativeStock: 'yes' | 'no' }) => {
        const owner = await (await ctx.wms()).setGoodsOwnerRules(code, { allowNegativeStock: opts.allowNegativeStock === 'yes' });
        print(ctx, owner, () => `goods owner ${owner.code}: negative stock ${negativeStock(owner)}`);
      }),
    );
}

const negativeStock = (o: GoodsOwner): string => (o.allowNegativeStock ? 'allowed' : 'refused');
