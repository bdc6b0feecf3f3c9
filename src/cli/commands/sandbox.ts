import type { Command } from 'commander';
import { serveSandbox } from '../../connectors/sandbox/serve.js';
import { createShops } from '../../connectors/sandbox/shops.js';
import type { CommandDeps, CliContext } from '../context.js';
import { action } from '../context.js';
import { integer } from '../parse.js';
import { ongoingSandboxCredentials, startOngoingSandbox } from '../../wms/ongoing/sandbox/server.js';

/** `wmsync sandbox SYSTEM`: a system's simulator on its own port, until Ctrl-C. */
export function sandboxCommand(program: Command, deps: CommandDeps & { untilStopped: () => Promise<void> }): void {
  program
    .command('sandbox <system>')
    .description("run a system's local simulator (its real wire format, generated data) for demos and tests")
    .option('--port <port>', 'port (default: a free one)', integer, 0)
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--seed <n>', 'seed of the generated data', integer, 1)
    .action(
      action(deps, async (ctx: CliContext, system: string, opts: { port: number; host: string; seed: number }) => {
        if (system === 'ongoing') return serveOngoingSandbox(ctx, opts, deps.untilStopped);
        const connector = (await ctx.sync()).registry.get(system);
        if (!connector.sandbox) throw new Error(`${connector.displayName} has no sandbox`);
        const { sandbox } = connector;
        // One shop at the root, and one more per integration id under /<id>, as the hub serves them.
        // Webhooks go where the integration subscribed them: the user runs this simulator for their own hub.
        const shops = createShops((seed) => sandbox.create({ seed, send: (request) => fetch(request) }), { seed: opts.seed });
        const served = await serveSandbox(async (req) => {
          const route = await shops.route(req);
          return route ? route.simulator.fetch(route.request) : new Response('Not Found', { status: 404 });
        }, opts);
        const url = `${served.origin}${connector.sandbox.apiRoot}`;
        const info = { system: connector.id, url, credentials: connector.sandbox.credentials, seed: opts.seed };
        ctx.io.out(
          ctx.json
            ? JSON.stringify(info)
            : `${connector.displayName} sandbox on ${url}\ncredentials: ${Object.entries(connector.sandbox.credentials).map(([k, v]) => `${k}=${v}`).join(' ')}\none more shop per integration id: ${served.origin}/ID${connector.sandbox.apiRoot}\nuse it: wmsync integrations add --system ${connector.id} --goods-owner CODE --set baseUrl=${url} ${Object.entries(connector.sandbox.credentials).map(([k, v]) => `--secret ${k}=${v}`).join(' ')}\n(the hub calls this machine only when told: start it with WMSYNC_ALLOW_PRIVATE_TARGETS=127.0.0.1)\nCtrl-C stops it.`,
        );
        await deps.untilStopped();
        await served.close();
      }),
    );
}

/** `wmsync sandbox ongoing`: the Ongoing WMS simulator (the WMS side, not a connector), one goods owner. */
async function serveOngoingSandbox(ctx: CliContext, opts: { port: number; host: string; seed: number }, untilStopped: () => Promise<void>): Promise<void> {
  const running = await startOngoingSandbox({ seed: opts.seed, port: opts.port, host: opts.host });
  const { username, password } = ongoingSandboxCredentials;
  const info = { system: 'ongoing', url: running.url, credentials: ongoingSandboxCredentials, goodsOwnerId: running.sandbox.goodsOwnerId, seed: opts.seed };
  ctx.io.out(
    ctx.json
      ? JSON.stringify(info)
      : `Ongoing WMS sandbox on ${running.url}\ncredentials: username=${username} password=${password} goodsOwnerId=${running.sandbox.goodsOwnerId}\nwarehouse actions: POST ${running.origin}/_sandbox/orders/NUMBER/ship {"waybill":"…","picked":[{"rowNumber":"1","quantity":2}]}, …/purchaseOrders/NUMBER/receive, …/articles/NUMBER/stock {"numberOfItems":10}\nuse it: wmsync goods-owners add CODE --name NAME --wms ongoing --set baseUrl=${running.url} --set goodsOwnerId=${running.sandbox.goodsOwnerId} --secret username=${username} --secret password=${password}\n(the hub calls this machine only when told: start it with WMSYNC_ALLOW_PRIVATE_TARGETS=127.0.0.1)\nCtrl-C stops it.`,
  );
  await untilStopped();
  await running.close();
}
