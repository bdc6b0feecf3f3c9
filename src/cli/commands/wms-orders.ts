import type { Command } from 'commander';
import { requireStatus, statusLabel } from '../../domain/index.js';
import type { Order, OrderInput } from '../../domain/index.js';
import { action, listOptions, print, printList, table } from '../context.js';
import type { ListFlags } from '../context.js';
import { listPage } from '../../kernel/pages.js';
import type { CommandDeps } from '../context.js';
import { readJsonFile, rowQuantity } from '../parse.js';
import { goodsOwnerOption, printOutcome } from './wms-shared.js';

export function ordersCommand(wms: Command, deps: CommandDeps): void {
  const cmd = wms.command('orders').description('customer orders');
  listOptions(cmd.command('list').description('list orders').addOption(goodsOwnerOption()).option('--status <status>', 'only this status (name or number)')).action(
    action(deps, async (ctx, opts: ListFlags & { goodsOwner: string; status?: string }) => {
      const port = await ctx.wms();
      const rules = (await port.getGoodsOwner(opts.goodsOwner)).statusRules.order;
      const status = opts.status === undefined ? undefined : requireStatus(rules, opts.status);
      const page = await port.listOrders(opts.goodsOwner, { limit: opts.limit, ...(opts.after ? { after: opts.after } : {}), ...(status ? { status } : {}) });
      printList(ctx, listPage(page), (items) =>
        table(
          ['ORDER', 'STATUS', 'CUSTOMER', 'LINES', 'WAYBILL'],
          items.map((o) => [o.orderInfo.goodsOwnerOrderNumber, statusLabel(rules, o.status), o.customer?.name, o.orderLines.length, o.shipments.at(-1)?.waybill]),
        ),
      );
    }),
  );
  cmd
    .command('show <orderNumber>')
    .description('show one order with its numbered lines, status and shipments')
    .addOption(goodsOwnerOption())
    .action(
      action(deps, async (ctx, number: string, opts: { goodsOwner: string }) => {
        const port = await ctx.wms();
        const order = await port.getOrder(opts.goodsOwner, number);
        const rules = (await port.getGoodsOwner(opts.goodsOwner)).statusRules.order;
        print(ctx, order, () => describeOrder(order, statusLabel(rules, order.status)));
      }),
    );
  cmd
    .command('put')
    .description('create or update an order from a canonical JSON file')
    .addOption(goodsOwnerOption())
    .requiredOption('--file <file>', 'JSON file ("-" for standard input)')
    .action(
      action(deps, async (ctx, opts: { goodsOwner: string; file: string }) => {
        const input = (await readJsonFile(opts.file)) as OrderInput;
        const outcome = await (await ctx.wms()).upsertOrder(opts.goodsOwner, input);
        printOutcome(ctx, `order ${input?.orderInfo?.goodsOwnerOrderNumber ?? '(no number)'}`, outcome);
      }),
    );
  cmd
    .command('set-status <orderNumber>')
    .description('move an order on as the warehouse does; sent/collected ship it (every line in full unless --picked says otherwise)')
    .addOption(goodsOwnerOption())
    .requiredOption('--status <status>', 'released|picked|sent|collected|cancelled or a status number')
    .option('--tracking <waybill>', 'tracking number of the shipment')
    .option('--tracking-url <url>', 'tracking link of the shipment')
    .option('--picked <row=qty>', 'picked quantity of a line (1-based row as `show` prints it); repeatable', rowQuantity)
    .action(
      action(deps, async (ctx, number: string, opts: { goodsOwner: string; status: string; tracking?: string; trackingUrl?: string; picked?: { row: number; quantity: number }[] }) => {
        const port = await ctx.wms();
        const rules = (await port.getGoodsOwner(opts.goodsOwner)).statusRules.order;
        const status = requireStatus(rules, opts.status);
        const order = await port.setOrderStatus(opts.goodsOwner, number, {
          status,
          ...(opts.tracking ? { waybill: opts.tracking } : {}),
          ...(opts.trackingUrl ? { trackingUrl: opts.trackingUrl } : {}),
          ...(opts.picked ? { picked: opts.picked } : {}),
        });
        print(ctx, order, () => `order ${number}: status ${statusLabel(rules, order.status)}`);
      }),
    );
}

function describeOrder(order: Order, status: string): string {
  const c = order.customer;
  const head = [
    `order ${order.orderInfo.goodsOwnerOrderNumber}   status ${status}`,
    c ? `customer: ${[c.name, c.address, [c.postCode, c.city].filter(Boolean).join(' '), c.countryCode].filter(Boolean).join(', ')}` : undefined,
    order.orderInfo.wayOfDelivery ? `way of delivery: ${order.orderInfo.wayOfDelivery}` : undefined,
    order.orderInfo.orderRemark ? `remark: ${order.orderInfo.orderRemark}` : undefined,
  ].filter(Boolean);
  const lines = table(
    ['ROW', 'ARTICLE', 'NAME', 'QTY', 'PICKED'],
    order.orderLines.map((l, i) => [i + 1, l.articleNumber, l.articleName, l.numberOfItems, l.pickedNumberOfItems]),
  );
  const shipments = order.shipments.map((s) => `shipment ${s.waybill ?? '(no tracking)'} sent ${s.sentAt}`);
  return [...head, '', lines, ...(shipments.length ? ['', ...shipments] : [])].join('\n');
}
