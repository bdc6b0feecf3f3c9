import type { Command } from 'commander';
import type { Article } from '../../domain/index.js';
import { action, listOptions, print, printList, table } from '../context.js';
import type { ListFlags } from '../context.js';
import { listPage } from '../../kernel/pages.js';
import type { CommandDeps } from '../context.js';
import { readJsonFile } from '../parse.js';
import { goodsOwnerOption, printOutcome } from './wms-shared.js';

export function articlesCommand(wms: Command, deps: CommandDeps): void {
  const cmd = wms.command('articles').description('the article register');
  listOptions(cmd.command('list').description('list articles').addOption(goodsOwnerOption())).action(
    action(deps, async (ctx, opts: ListFlags & { goodsOwner: string }) => {
      const page = await (await ctx.wms()).listArticles(opts.goodsOwner, { limit: opts.limit, ...(opts.after ? { after: opts.after } : {}) });
      printList(ctx, listPage(page), (items) => table(['ARTICLE', 'NAME', 'BARCODE', 'PRICE'], items.map((a) => [a.articleNumber, a.articleName, a.barCode, a.price])));
    }),
  );
  cmd
    .command('show <articleNumber>')
    .description('show one article')
    .addOption(goodsOwnerOption())
    .action(
      action(deps, async (ctx, number: string, opts: { goodsOwner: string }) => {
        const article = await (await ctx.wms()).getArticle(opts.goodsOwner, number);
        print(ctx, article, () => JSON.stringify(article, null, 2));
      }),
    );
  cmd
    .command('put')
    .description('create or update an article from a canonical JSON file')
    .addOption(goodsOwnerOption())
    .requiredOption('--file <file>', 'JSON file ("-" for standard input)')
    .action(
      action(deps, async (ctx, opts: { goodsOwner: string; file: string }) => {
        const input = await readJsonFile(opts.file);
        const outcome = await (await ctx.wms()).upsertArticle(opts.goodsOwner, input);
        printOutcome(ctx, `article ${(input as Article).articleNumber}`, outcome);
      }),
    );
}
