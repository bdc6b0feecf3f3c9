import type { Command } from 'commander';
import { describeConnector } from '../../connectors/describe.js';
import type { ConnectorDescription } from '../../connectors/describe.js';
import { wholeList } from '../../kernel/pages.js';
import { action, print, printList, table } from '../context.js';
import type { CommandDeps } from '../context.js';
import { integer } from '../parse.js';

export function connectorsCommand(program: Command, deps: CommandDeps): void {
  const cmd = program.command('connectors').description('the external systems wmsync connects to');
  cmd
    .command('list')
    .description('list the systems, their flows and auth')
    .action(
      action(deps, async (ctx) => {
        const list = (await ctx.sync()).registry.list().map((c) => describeConnector(c));
        const page = wholeList(list.map(({ system, displayName, auth, flows }) => ({ system, displayName, auth, flows: flows.map((f) => ({ flow: f.flow, enabledByDefault: f.enabledByDefault })) })));
        printList(ctx, page, (items) =>
          table(['SYSTEM', 'NAME', 'AUTH', 'FLOWS (on by default*)'], items.map((c) => [c.system, c.displayName, c.auth, c.flows.map((f) => `${f.flow}${f.enabledByDefault ? '*' : ''}`).join(' ')])),
        );
      }),
    );
  cmd
    .command('describe <system>')
    .description("a system's flows, settings and field mappings, as the engine runs them")
    .option('--integration <id>', "with this integration's flow switches and mapping overrides", integer)
    .action(
      action(deps, async (ctx, system: string, opts: { integration?: number }) => {
        const sync = await ctx.sync();
        const integration = opts.integration === undefined ? undefined : await sync.integrations.get(opts.integration);
        const description = describeConnector(sync.registry.get(integration?.system ?? system), integration);
        print(ctx, description, () => humanDescription(description));
      }),
    );
}

function humanDescription(d: ConnectorDescription): string {
  const flows = d.flows.map((f) => {
    const state = f.enabled === undefined ? (f.enabledByDefault ? 'on by default' : 'off by default') : f.enabled ? 'on' : 'off';
    const rows = table(['WMS FIELD', d.displayName.toUpperCase()], f.mapping.map((r) => [r.wms, `${r.from}${r.overridden ? '   (overridden)' : ''}`]));
    return `${f.flow} (${state}): ${f.description}\n${rows}`;
  });
  const settings = table(['SETTING', 'DEFAULT', 'SECRET', 'MEANING'], d.settings.map((s) => [s.key, s.default === null ? '' : String(s.default), s.secret ? 'yes' : '', s.doc]));
  return [`${d.displayName} (${d.system}), auth ${d.auth}`, '', ...flows.flatMap((f) => [f, '']), settings].join('\n');
}
