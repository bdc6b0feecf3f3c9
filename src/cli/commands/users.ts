import type { Command } from 'commander';
import { Option } from 'commander';
import { recordError } from '../../kernel/errors.js';
import { pageAfter } from '../../kernel/pages.js';
import { action, listOptions, print, printList, table } from '../context.js';
import type { CommandDeps, ListFlags } from '../context.js';

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

export function usersCommand(program: Command, deps: CommandDeps): void {
  const cmd = program.command('users').description('people who sign in to the hub');
  cmd
    .command('add <email>')
    .description('add a user; the first administrator ends set-up mode')
    .addOption(new Option('--role <role>', 'admin (every goods owner) or goods-owner (one goods owner)').choices(['admin', 'goods-owner']).makeOptionMandatory())
    .option('--goods-owner <code>', "the goods owner a goods-owner user belongs to")
    .option('--password <password>', 'the password (at least 10 characters); prefer --password-stdin or WMSYNC_PASSWORD, which stay out of the shell history')
    .option('--password-stdin', 'read the password from standard input')
    .action(
      action(deps, async (ctx, email: string, opts: { role: string; goodsOwner?: string; password?: string; passwordStdin?: boolean }) => {
        const password = opts.password ?? (opts.passwordStdin ? await readStdinLine() : process.env.WMSYNC_PASSWORD);
        if (!password) throw recordError(`user ${email}`, [{ record: `user ${email}`, field: 'password', reason: 'give it with --password-stdin, WMSYNC_PASSWORD or --password' }]);
        const user = await (await ctx.users()).add({ email, password, role: opts.role, ...(opts.goodsOwner ? { goodsOwner: opts.goodsOwner } : {}) });
        print(ctx, user, () => `added ${user.role} ${user.email}${user.role === 'goods-owner' ? ` of ${user.goodsOwner}` : ''}`);
      }),
    );
  cmd
    .command('token <email>')
    .description('a token for scripts to call the API as this user (Authorization: Bearer …); shown once')
    .option('--days <n>', 'valid for this many days', (v: string) => Number(v), 365)
    .action(
      action(deps, async (ctx, email: string, opts: { days: number }) => {
        const token = await (await ctx.users()).createToken(email, opts.days);
        print(ctx, token, () => `${token.token}\n(valid until ${token.expiresAt}; it is not shown again)`);
      }),
    );
  listOptions(cmd.command('list').description('list users, in e-mail order')).action(
    action(deps, async (ctx, opts: ListFlags) => {
      const users = (await (await ctx.users()).list()).sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
      printList(ctx, pageAfter(users, (u) => u.email, opts), (items) => table(['E-MAIL', 'ROLE', 'GOODS OWNER', 'CREATED'], items.map((u) => [u.email, u.role, u.goodsOwner ?? '', u.createdAt])));
    }),
  );
}
