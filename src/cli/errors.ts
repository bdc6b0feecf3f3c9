import { CommanderError } from 'commander';
import { isWmsyncError } from '../kernel/errors.js';
import type { ErrorKind } from '../kernel/errors.js';
import type { CliIo } from './context.js';

/** Exit codes by error kind, so that scripts can tell a bad record from a missing one (README). */
export const exitCodes: Record<ErrorKind, number> = { record: 2, config: 2, 'not-found': 3, conflict: 4, transient: 5, system: 1, unauthorized: 6, forbidden: 6 };

/** Commander's own outcomes that are not errors. */
const notErrors = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version', 'commander.executeSubCommandAsync']);

interface SystemError extends Error {
  code?: string;
  path?: string;
  address?: string;
  port?: number;
}

/** What the user did wrong, in the product's words, for errors the operating system raised. */
function describeSystemError(e: SystemError): string | undefined {
  if (e.code === 'ENOENT' && e.path) return `cannot read ${e.path}: there is no such file`;
  if ((e.code === 'EACCES' || e.code === 'EPERM') && e.path) return `cannot open ${e.path}: permission denied`;
  if (e.code === 'EISDIR') return `${e.path ?? 'the path given'} is a directory, not a file`;
  if (e.code === 'EADDRINUSE') return `${e.address ?? 'the address'}:${e.port ?? ''} is already in use: is another wmsync serve running? Choose another port with --port or WMSYNC_PORT`;
  if (e.code === 'EADDRNOTAVAIL') return `${e.address ?? 'the address'} is not an address of this machine: check --host or WMSYNC_HOST`;
  return undefined;
}

/**
 * Every error of a command becomes one message on stderr and an exit code, never a stack trace
 * (unless `--debug`): a refused record or bad input 2, not found 3, a conflict 4, a temporary
 * failure 5, access 6, anything else 1.
 */
export function reportError(e: unknown, io: CliIo, options: { json: boolean; debug: boolean }): number {
  if (e instanceof CommanderError) {
    // Commander has printed its message (and the help) already.
    return notErrors.has(e.code) ? e.exitCode : 2;
  }
  if (isWmsyncError(e)) {
    if (options.json) io.err(JSON.stringify({ error: { kind: e.kind, message: e.message, details: e.details } }));
    else if (e.details.length <= 1) io.err(`error: ${e.message}`);
    else io.err([`error: ${e.details[0]!.record} refused:`, ...e.details.map((d) => `  - ${d.field}${d.value === undefined ? '' : ` = ${JSON.stringify(d.value)}`}: ${d.reason}`)].join('\n'));
    if (options.debug && e.stack) io.err(e.stack);
    return exitCodes[e.kind];
  }
  const error = e instanceof Error ? (e as SystemError) : new Error(String(e));
  const known = describeSystemError(error);
  if (options.json) io.err(JSON.stringify({ error: { kind: known ? 'config' : 'system', message: known ?? error.message, details: [] } }));
  else io.err(known ? `error: ${known}` : `error: ${error.message} (an internal error: run again with --debug for its stack trace)`);
  if (options.debug && error.stack) io.err(error.stack);
  return known ? 2 : 1;
}
