import { userInfo } from 'node:os';
import { InvalidArgumentError } from 'commander';
import { actingAs } from '../audit/actor.js';
import type { Command } from 'commander';
import { WmsyncError } from '../kernel/errors.js';
import { positiveInteger } from './parse.js';
import type { Config } from '../config/schema.js';
import type { Logger } from '../kernel/logger.js';
import type { Users } from '../access/users.js';
import type { SyncServices } from '../sync/services.js';
import type { EmbeddedWms } from '../wms/port.js';
import type { ListPage } from '../kernel/pages.js';

/** Where a command writes: stdout for results, stderr for messages and errors. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** What a command gets: resources are opened on first use and closed when the command ends. */
export interface CliContext {
  io: CliIo;
  json: boolean;
  config: Config;
  logger: Logger;
  wms(): Promise<EmbeddedWms>;
  sync(): Promise<SyncServices>;
  users(): Promise<Users>;
  /** A command that printed its result but did not fully succeed (a failed run) exits non-zero. */
  setExitCode(code: number): void;
  /** Where this hub is reached; `serve` sets it once it listens. */
  hub: { url: string };
}

export interface GlobalOptions {
  dataDir?: string;
  json?: boolean;
  debug?: boolean;
}

/** Builds a context for one command and closes what it opened. Supplied by main.ts. */
export type ContextRunner = <T>(options: GlobalOptions, work: (ctx: CliContext) => Promise<T>) => Promise<T>;

export interface CommandDeps {
  run: ContextRunner;
}

const cliUser = () => {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
};

/** Runs a command's action with its context. */
export function action<A extends unknown[]>(deps: CommandDeps, work: (ctx: CliContext, ...args: A) => Promise<void>) {
  return async (...args: unknown[]): Promise<void> => {
    const command = args[args.length - 1] as Command;
    try {
      const run = () => deps.run(command.optsWithGlobals<GlobalOptions>(), (ctx) => work(ctx, ...(args.slice(0, -1) as A)));
      // What a command changes is audited as the CLI's; the hub and the worker act for no one themselves.
      await (['serve', 'worker'].includes(command.name()) ? run() : actingAs({ kind: 'cli', name: cliUser() }, run));
    } catch (e) {
      // An argument parsed inside the action (an id) is bad input like an option commander parsed.
      if (e instanceof InvalidArgumentError) throw new WmsyncError('record', e.message);
      throw e;
    }
  };
}

/** Prints a result: JSON on --json, else the human form. */
export function print(ctx: CliContext, value: unknown, human: () => string): void {
  ctx.io.out(ctx.json ? JSON.stringify(value, null, 2) : human());
}

/** `--limit` and `--after`, the paging options of every list that can grow. */
export const listOptions = (cmd: Command, limit = 100): Command =>
  cmd.option('--limit <n>', 'at most this many', positiveInteger, limit).option('--after <key>', 'continue after this key (the `next` of the previous page)');

export interface ListFlags {
  limit: number;
  after?: string;
}

/** Prints a list: `{items, next}` on --json (every list the same), else the human form and the next-page hint. */
export function printList<T>(ctx: CliContext, page: ListPage<T>, human: (items: T[]) => string): void {
  print(ctx, page, () => human(page.items) + (page.next === null ? '' : `\n(more: --after ${page.next})`));
}

/** A plain text table: columns padded to their widest cell. */
export function table(headers: string[], rows: (string | number | undefined)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === undefined ? '' : String(c))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) => r.map((c, i) => (c ?? '').padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}
