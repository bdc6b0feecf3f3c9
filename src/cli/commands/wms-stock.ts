import type { Command } from 'commander';
import { action, listOptions, print, printList, table } from '../context.js';
import type { ListFlags } from '../context.js';
import { listPage } from '../../kernel/pages.js';
import { stockPage } from '../../wms/stock-pages.js';
import type { CommandDeps } from '../context.js';
import { number } from '../parse.js';
import { goodsOwnerOption } from './wms-shared.js';

export function suppliersCommand(wms: Command, deps: CommandDeps): void {
  const cmd = wms.command('suppliers').description('suppliers');
  listOptions(cmd.command('list').description('list suppliers').addOption(goodsOwnerOption())).action(
    action(deps, async (ctx, opts: ListFlags & { goodsOwner: string }) => {
      const page = await (await ctx.wms()).listSuppliers(opts.goodsOwner, { limit: opts.limit, ...(opts.after ? { after: opts.after } : {}) });
      printList(ctx, listPage(page), (items) => table(['SUPPLIER', 'NAME', 'CITY', 'COUNTRY'], items.map((s) => [s.supplierNumber, s.supplierName, s.city, s.countryCode])));
    }),
  );
}

export function stockCommand(wms: Command, deps: CommandDeps): void {
  const cmd = wms.command('stock').description('stock balances');
  listOptions(cmd.command('list').description('physical and available stock per article, in article order').addOption(goodsOwnerOption())).action(
    action(deps, async (ctx, opts: ListFlags & { goodsOwner: string }) => {
      const page = await stockPage(await ctx.wms(), opts.goodsOwner, opts);
      printList(ctx, page, (items) => table(['ARTICLE', 'PHYSICAL', 'AVAILABLE'], items.map((s) => [s.articleNumber, s.physical, s.available])));
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
