import { Option } from 'commander';
import type { Command } from 'commander';
import type { GoodsOwner } from '../../domain/index.js';
import { pageAfter } from '../../kernel/pages.js';
import type { Tenant } from '../../tenants/goods-owners.js';
import { action, listOptions, print, printList, table } from '../context.js';
import type { CommandDeps, ListFlags } from '../context.js';
import { keyValue } from '../parse.js';

/** Which WMS, and its settings; credentials only by name. */
function human(owner: Tenant): string {
  const lines = [`wms: ${owner.wms}`];
  for (const [key, value] of Object.entries(owner.wmsSettings)) lines.push(`  ${key} = ${String(value)}`);
  for (const key of owner.wmsSecretsSet) lines.push(`  ${key} = (secret, set)`);
  return lines.join('\n');
}

const negativeStock = (o: GoodsOwner): string => (o.allowNegativeStock ? 'allowed' : 'refused');

export function goodsOwnersCommand(program: Command, deps: CommandDeps): void {
  const cmd = program.command('goods-owners').description('the companies whose goods the warehouse holds');
  cmd
    .command('add <code>')
    .description('add a goods owner, on the embedded WMS or on another WMS (--wms ongoing)')
    .requiredOption('--name <name>', 'company name')
    .option('--wms <kind>', 'the WMS that holds its records: embedded (default) or ongoing')
    .option('--set <key=value>', "a setting of the WMS (Ongoing: baseUrl, goodsOwnerId, …); repeatable", keyValue)
    .option('--secret <key=value>', 'a WMS credential (Ongoing: username, password, webhookToken); stored encrypted; repeatable', keyValue)
    .option('--test', 'call the WMS once with these settings before saving (not for the embedded WMS)')
    .action(
      action(deps, async (ctx, code: string, opts: { name: string; wms?: string; set?: Record<string, string>; secret?: Record<string, string>; test?: boolean }) => {
        const sync = await ctx.sync();
        const input = { code, name: opts.name, ...(opts.wms ? { wms: opts.wms } : {}), ...(opts.set ? { settings: opts.set } : {}), ...(opts.secret ? { secrets: opts.secret } : {}) };
        if (opts.test) await sync.testWmsConnection(input);
        const owner = await sync.tenants.add(input);
        print(ctx, owner, () => `added goods owner ${owner.code} (${owner.name})${owner.wms === 'embedded' ? '' : `\n${human(owner)}`}`);
      }),
    );
  listOptions(cmd.command('list').description('list goods owners, in code order')).action(
    action(deps, async (ctx, opts: ListFlags) => {
      const page = pageAfter(await (await ctx.sync()).tenants.list(), (o) => o.code, opts);
      printList(ctx, page, (items) => table(['CODE', 'NAME', 'WMS', 'NEGATIVE STOCK', 'CREATED'], items.map((o) => [o.code, o.name, o.wms, negativeStock(o), o.createdAt])));
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
        const owner = await (await ctx.sync()).tenants.setRules(code, { allowNegativeStock: opts.allowNegativeStock === 'yes' });
        print(ctx, owner, () => `goods owner ${owner.code}: negative stock ${negativeStock(owner)}`);
      }),
    );
  cmd
    .command('test-connection <code>')
    .description("call the goods owner's WMS once with its stored settings")
    .action(
      action(deps, async (ctx, code: string) => {
        await (await ctx.sync()).testWmsConnection(code);
        print(ctx, { code, ok: true }, () => `goods owner ${code}: the WMS answered`);
      }),
    );
  cmd
    .command('rename <code>')
    .description("change a goods owner's company name (the code stays)")
    .requiredOption('--name <name>', 'the new company name')
    .action(
      action(deps, async (ctx, code: string, opts: { name: string }) => {
        const owner = await (await ctx.sync()).tenants.rename(code, opts.name);
        print(ctx, owner, () => `goods owner ${owner.code} is now ${owner.name}`);
      }),
    );
}
