import type { Command } from 'commander';
import { statusLabel } from '../../domain/index.js';
import type { PurchaseOrder, PurchaseOrderInput } from '../../domain/index.js';
import { action, listOptions, print, printList, table } from '../context.js';
import type { ListFlags } from '../context.js';
import { listPage } from '../../kernel/pages.js';
import type { CommandDeps } from '../context.js';
import { readJsonFile, rowQuantity } from '../parse.js';
import { goodsOwnerOption, printOutcome } from './wms-shared.js';

export function purchaseOrdersCommand(wms: Command, deps: CommandDeps): void {
  const cmd = wms.command('purchase-orders').description('inbound deliveries from suppliers');
  listOptions(cmd.command('list').description('list purchase orders').addOption(goodsOwnerOption())).action(
    action(deps, async (ctx, opts: ListFlags & { goodsOwner: string }) => {
      const port = await ctx.wms();
      const rules = (await port.getGoodsOwner(opts.goodsOwner)).statusRules.purchaseOrder;
      const page = await port.listPurchaseOrders(opts.goodsOwner, { limit: opts.limit, ...(opts.after ? { after: opts.after } : {}) });
      printList(ctx, listPage(page), (items) =>
        table(
          ['PURCHASE ORDER', 'STATUS', 'SUPPLIER', 'LINES'],
          items.map((p) => [p.inOrderInfo.goodsOwnerOrderNumber, statusLabel(rules, p.status), p.supplier?.supplierName, p.inOrderLines.length]),
        ),
      );
    }),
  );
  cmd
    .command('show <orderNumber>')
    .description('show one purchase order with its numbered lines')
    .addOption(goodsOwnerOption())
    .action(
      action(deps, async (ctx, number: string, opts: { goodsOwner: string }) => {
        const port = await ctx.wms();
        const po = await port.getPurchaseOrder(opts.goodsOwner, number);
        const rules = (await port.getGoodsOwner(opts.goodsOwner)).statusRules.purchaseOrder;
        print(ctx, po, () => describe(po, statusLabel(rules, po.status)));
      }),
    );
  cmd
    .command('put')
    .description('create or update a purchase order from a canonical JSON file')
    .addOption(goodsOwnerOption())
    .requiredOption('--file <file>', 'JSON file ("-" for standard input)')
    .action(
      action(deps, async (ctx, opts: { goodsOwner: string; file: string }) => {
        const input = (await readJsonFile(opts.file)) as PurchaseOrderInput;
        const outcome = await (await ctx.wms()).upsertPurchaseOrder(opts.goodsOwner, input);
        printOutcome(ctx, `purchase order ${input?.inOrderInfo?.goodsOwnerOrderNumber ?? '(no number)'}`, outcome);
      }),
    );
  cmd
    .command('receive <orderNumber>')
    .description('receive goods: the given lines, or everything outstanding')
    .addOption(goodsOwnerOption())
    .option('--line <row=qty>', 'received quantity of a line (1-based row); repeatable', rowQuantity)
    .action(
      action(deps, async (ctx, number: string, opts: { goodsOwner: string; line?: { row: number; quantity: number }[] }) => {
        const port = await ctx.wms();
        const po = await port.receivePurchaseOrder(opts.goodsOwner, number, opts.line);
        const rules = (await port.getGoodsOwner(opts.goodsOwner)).statusRules.purchaseOrder;
        print(ctx, po, () => `purchase order ${number}: status ${statusLabel(rules, po.status)}`);
      }),
    );
}

function describe(po: PurchaseOrder, status: string): string {
  const lines = table(
    ['ROW', 'ARTICLE', 'NAME', 'QTY', 'RECEIVED'],
    po.inOrderLines.map((l, i) => [i + 1, l.articleNumber, l.articleName, l.numberOfItems, l.receivedNumberOfItems]),
  );
  const supplier = po.supplier?.supplierName ? `supplier: ${po.supplier.supplierName}` : undefined;
  return [`purchase order ${po.inOrderInfo.goodsOwnerOrderNumber}   status ${status}`, ...(supplier ? [supplier] : []), '', lines].join('\n');
}
