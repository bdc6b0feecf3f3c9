import type { Command } from 'commander';
import type { IntegrationView } from '../../sync/integrations.js';
import { pageAfter } from '../../kernel/pages.js';
import { action, listOptions, print, printList, table } from '../context.js';
import type { CliContext, CommandDeps, ListFlags } from '../context.js';
import { integer, keyValue } from '../parse.js';

export function integrationsCommand(program: Command, deps: CommandDeps): void {
  const cmd = program.command('integrations').description("goods owners' links to external systems");
  cmd
    .command('add')
    .description('connect a goods owner to a system')
    .requiredOption('--goods-owner <code>', 'goods owner code')
    .requiredOption('--system <system>', 'mycashflow, procountor, … (see `connectors list`)')
    .option('--name <name>', 'a name to tell it apart')
    .option('--set <key=value>', 'a setting; repeatable (`connectors describe SYSTEM` lists them)', keyValue)
    .option('--secret <key=value>', 'a secret setting (key, password); stored encrypted, never shown again; repeatable', keyValue)
    .action(
      action(deps, async (ctx, opts: { goodsOwner: string; system: string; name?: string; set?: Record<string, string>; secret?: Record<string, string> }) => {
        const integration = await (await ctx.sync()).integrations.add({
          goodsOwner: opts.goodsOwner,
          system: opts.system,
          ...(opts.name ? { name: opts.name } : {}),
          settings: opts.set ?? {},
          secrets: opts.secret ?? {},
        });
        for (const hint of integration.hints ?? []) ctx.io.err(`note: ${hint}`);
        print(ctx, integration, () => `added integration ${integration.id}: ${integration.name}\n\n${human(integration)}`);
      }),
    );
  listOptions(cmd.command('list').description('list integrations, in id order').option('--goods-owner <code>', 'only this goods owner').option('--system <system>', 'only this system')).action(
    action(deps, async (ctx, opts: ListFlags & { goodsOwner?: string; system?: string }) => {
      const all = await (await ctx.sync()).integrations.list({ ...(opts.goodsOwner ? { goodsOwner: opts.goodsOwner } : {}), ...(opts.system ? { system: opts.system } : {}) });
      const page = pageAfter(all.sort((a, b) => a.id - b.id), (i) => i.id, { limit: opts.limit, after: opts.after === undefined ? undefined : String(integer(opts.after)) });
      printList(ctx, page, (items) =>
        table(['ID', 'GOODS OWNER', 'SYSTEM', 'NAME', 'ENVIRONMENT', 'STATE'], items.map((i) => [i.id, i.goodsOwner, i.system, i.name, i.environment, i.paused ? 'paused' : 'active'])),
      );
    }),
  );
  cmd
    .command('show <id>')
    .description('an integration: settings (secrets hidden), flows, overrides')
    .action(action(deps, async (ctx, id: string) => show(ctx, await (await ctx.sync()).integrations.get(integer(id)))));
  cmd
    .command('status <id>')
    .description('health, lag, and per flow: last run, next run, records and reports waiting for a retry')
    .action(
      action(deps, async (ctx, id: string) => {
        const status = await (await ctx.sync()).status(integer(id));
        print(ctx, status, () =>
          [
            `integration ${status.integrationId}: ${status.health}${status.lagSeconds === null ? '' : `, data ${Math.round(status.lagSeconds / 60)} min old`}`,
            table(
              ['FLOW', 'ON', 'LAST RUN', 'STATUS', 'NEXT RUN', 'FAILED RECORDS', 'REPORTS WAITING/FAILED'],
              status.flows.map((f) => [f.flow, f.enabled ? 'on' : 'off', f.lastRun?.startedAt, f.lastRun?.status, f.nextRunAt, f.failures, f.outbox ? `${f.outbox.pending}/${f.outbox.failed}` : '']),
            ),
          ].join('\n'),
        );
      }),
    );
  cmd
    .command('set <id> [settings...]')
    .description('change settings (KEY=VALUE …); cursors, links and history are kept')
    .option('--secret <key=value>', 'a secret setting; repeatable', keyValue)
    .action(
      action(deps, async (ctx, id: string, settings: string[], opts: { secret?: Record<string, string> }) => {
        const values = settings.reduce<Record<string, string>>((acc, s) => keyValue(s, acc), {});
        show(ctx, await (await ctx.sync()).integrations.update(integer(id), { settings: values, secrets: opts.secret ?? {} }));
      }),
    );
  for (const [verb, enabled] of [['enable', true], ['disable', false]] as const) {
    cmd
      .command(`${verb} <id> <flow>`)
      .description(`switch a flow ${enabled ? 'on' : 'off'}`)
      .action(action(deps, async (ctx, id: string, flow: string) => show(ctx, await (await ctx.sync()).integrations.setFlowEnabled(integer(id), flow, enabled))));
  }
  for (const [verb, paused] of [['pause', true], ['resume', false]] as const) {
    cmd
      .command(`${verb} <id>`)
      .description(paused ? 'stop scheduled runs (manual `sync` still works)' : 'start scheduled runs again')
      .action(action(deps, async (ctx, id: string) => show(ctx, await (await ctx.sync()).integrations.setPaused(integer(id), paused))));
  }
}

function show(ctx: CliContext, integration: IntegrationView): void {
  for (const hint of integration.hints ?? []) ctx.io.err(`note: ${hint}`);
  print(ctx, integration, () => human(integration));
}

function human(i: IntegrationView): string {
  const settings = Object.entries(i.settings).map(([k, v]) => `  ${k} = ${String(v)}`);
  const secrets = i.secretsSet.map((k) => `  ${k} = (secret, set)`);
  const flows = i.flows.map((f) => `  ${f.enabled ? 'on ' : 'off'}  ${f.flow}`);
  const overrides = Object.entries(i.mappingOverrides).flatMap(([flow, list]) => (list ?? []).map((o) => `  ${flow}: ${o.op} ${o.wms}`));
  return [
    `integration ${i.id}: ${i.name}`,
    `goods owner ${i.goodsOwner}, system ${i.system}, environment ${i.environment}${i.paused ? ', PAUSED' : ''}`,
    'settings:',
    ...(settings.length || secrets.length ? [...settings, ...secrets] : ['  (defaults)']),
    'flows:',
    ...flows,
    ...(overrides.length ? ['mapping overrides:', ...overrides] : []),
  ].join('\n');
}
