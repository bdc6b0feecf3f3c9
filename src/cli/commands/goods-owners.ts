import type { Command } from 'commander';
import { action, print, table } from '../context.js';
import type { CommandDeps } from '../context.js';

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
  cmd
    .command('list')
    .description('list goods owners')
    .action(
      action(deps, async (ctx) => {
        const owners = await (await ctx.wms()).listGoodsOwners();
        print(ctx, owners, () => table(['CODE', 'NAME', 'CREATED'], owners.map((o) => [o.code, o.name, o.createdAt])));
      }),
    );
  cmd
    .command('rename <code>')
    .description("change a goods owner's company name (the code stays)")
    .requiredOption('--name <name>', 'the new company name')
    .action(
      action(deps, async (ctx, code: string, opts: { name: string }) => {
        const owner = await (await ctx.wms()).renameGoodsOwner(code, opts.name);
        print(ctx, owner, () => `goods owner ${owner.code} is now ${owner.name}`);
      }),
    );
}
