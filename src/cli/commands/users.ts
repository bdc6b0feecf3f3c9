import type { Command } from 'commander';
import { Option } from 'commander';
import { recordError } from '../../kernel/errors.js';
import { positiveInteger } from '../parse.js';
import { pageAfter } from '../../kernel/pages.js';
import { action, listOptions, print, printList, table } from '../context.js';
import type { CommandDeps, ListFlags } from '../context.js';

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** The password of `add` and `update`: the option, standard input or WMSYNC_PASSWORD, in that order. */
async function passwordOf(email: string, opts: { password?: string; passwordStdin?: boolean }, fromEnv = true): Promise<string | undefined> {
  return opts.password ?? (opts.passwordStdin ? await readStdinLine() : fromEnv ? process.env.WMSYNC_PASSWORD : undefined);
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
        const password = await passwordOf(email, opts);
        if (!password) throw recordError(`user ${email}`, [{ record: `user ${email}`, field: 'password', reason: 'give it with --password-stdin, WMSYNC_PASSWORD or --password' }]);
        const user = await (await ctx.users()).add({ email, password, role: opts.role, ...(opts.goodsOwner ? { goodsOwner: opts.goodsOwner } : {}) });
        print(ctx, user, () => `added ${user.role} ${user.email}${user.role === 'goods-owner' ? ` of ${user.goodsOwner}` : ''}`);
      }),
    );
  cmd
    .command('token <email>')
    .description('a token for scripts to call the API as this user (Authorization: Bearer …); shown once')
    .option('--days <n>', 'valid for this many days', positiveInteger, 365)
    .action(
      action(deps, async (ctx, email: string, opts: { days: number }) => {
        const token = await (await ctx.users()).createToken(email, opts.days);
        print(ctx, token, () => `${token.token}\n(id ${token.id}, valid until ${token.expiresAt}; it is not shown again; revoke it with \`wmsync users revoke ${email} ${token.id}\`)`);
      }),
    );
  listOptions(cmd.command('list').description('list users, in e-mail order')).action(
    action(deps, async (ctx, opts: ListFlags) => {
      const users = (await (await ctx.users()).list()).sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
      printList(ctx, pageAfter(users, (u) => u.email, opts), (items) => table(['E-MAIL', 'ROLE', 'GOODS OWNER', 'CREATED'], items.map((u) => [u.email, u.role, u.goodsOwner ?? '', u.createdAt])));
    }),
  );
  cmd
    .command('update <email>')
    .description("change a user's role, goods owner or password (a new password signs the user's browsers out)")
    .addOption(new Option('--role <role>', 'admin or goods-owner').choices(['admin', 'goods-owner']))
    .option('--goods-owner <code>', 'the goods owner a goods-owner user belongs to')
    .option('--password <password>', 'a new password; prefer --password-stdin')
    .option('--password-stdin', 'read the new password from standard input')
    .action(
      action(deps, async (ctx, email: string, opts: { role?: 'admin' | 'goods-owner'; goodsOwner?: string; password?: string; passwordStdin?: boolean }) => {
        const password = await passwordOf(email, opts, false);
        const user = await (await ctx.users()).update(email, { ...(opts.role ? { role: opts.role } : {}), ...(opts.goodsOwner ? { goodsOwner: opts.goodsOwner } : {}), ...(password ? { password } : {}) });
        print(ctx, user, () => `updated ${user.role} ${user.email}${user.role === 'goods-owner' ? ` of ${user.goodsOwner}` : ''}${password ? '; its browser sessions were ended' : ''}`);
      }),
    );
  cmd
    .command('sessions <email>')
    .description("a user's browser sessions and API tokens that have not expired (ids, never the tokens)")
    .action(
      action(deps, async (ctx, email: string) => {
        const list = await (await ctx.users()).signIns.list(email);
        print(ctx, { items: list, next: null }, () => (list.length ? table(['ID', 'KIND', 'CREATED', 'EXPIRES'], list.map((s) => [s.id, s.kind, s.createdAt ?? '', s.expiresAt])) : `${email} has no sessions or tokens`));
      }),
    );
  cmd
    .command('revoke <email> [id]')
    .description('revoke one session or token by its id (see `users sessions`), or all of them with --all; refused from the next request on')
    .option('--all', 'every session and token of the user')
    .addOption(new Option('--kind <kind>', 'with --all: only browser sessions or only API tokens').choices(['session', 'token']))
    .action(
      action(deps, async (ctx, email: string, id: string | undefined, opts: { all?: boolean; kind?: 'session' | 'token' }) => {
        const users = await ctx.users();
        const record = `user ${email}`;
        if (!id === !opts.all) throw recordError(record, [{ record, field: 'id', reason: 'give one session id, or --all (not both)' }]);
        const revoked = id ? (await users.signIns.revoke(email, id), 1) : await users.signIns.revokeAll(email, opts.kind);
        print(ctx, { revoked }, () => `revoked ${revoked} ${opts.kind ?? 'session(s) and token'}(s) of ${email}`);
      }),
    );
}
