import type { Command } from 'commander';
import { action, print, table } from '../context.js';
import type { CommandDeps } from '../context.js';
import { number } from '../parse.js';
import { goodsOwnerOption, listOptions, more } from './wms-shared.js';

export function suppliersCommand(wms: Command, deps: CommandDeps): void {
  const cmd = wms.command('suppliers').description('suppliers');
  listOptions(cmd.command('list').description('list suppliers').addOption(goodsOwnerOption())).action(
    action(deps, async (ctx, opts: { goodsOwner: string; limit: string; after?: string }) => {
      const page = await (await ctx.wms()).listSuppliers(opts.goodsOwner, { limit: Number(opts.limit), ...(opts.after ? { after: opts.after } : {}) });
      print(ctx, page, () => table(['SUPPLIER', 'NAME', 'CITY', 'COUNTRY'], page.items.map((s) => [s.supplierNumber, s.supplierName, s.city, s.countryCode])) + more(page.next));
    }),
  );
}

export function stockCommand(wms: Command, deps: CommandDeps): void {
  const cmd = wms.command('stock').description('stock balances');
  cmd
    .command('list')
    .description('physical and available stock per article')
    .addOption(goodsOwnerOption())
    .action(
      action(deps, async (ctx, opts: { goodsOwner: string }) => {
        const stock = await (await ctx.wms()).listStock(opts.goodsOwner);
        print(ctx, stock, () => table(['ARTICLE', 'PHYSICAL', 'AVAILABLE'], stock.map((s) => [s.articleNumber, s.physical, s.available])));
      }),
    );
  cmd
    .command('set')
    .argument('<articleNumber>')
    .argument('<physical>', 'the counted quantity', number)
    .description('set the physical stock of an article (a count or an adjustment)')
    .addOption(goodsOwnerOption())
    .action(
      action(deps, async (ctx, articleNumber: string, physical: number, opts: { goodsOwner: string }) => {
        const balance = await (await ctx.wms()).setStock(opts.goodsOwner, articleNumber, physical);
        print(ctx, balance, () => `article ${articleNumber}: physical ${balance.physical}, available ${balance.available}`);
      }),
    );
}
