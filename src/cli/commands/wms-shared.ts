import { Option } from 'commander';
import { conflict } from '../../kernel/errors.js';
import type { UpsertOutcome } from '../../wms/port.js';
import type { CliContext } from '../context.js';
import { print } from '../context.js';

/** Every `wms` command works on one goods owner's data. */
export const goodsOwnerOption = () => new Option('--goods-owner <code>', 'goods owner code').makeOptionMandatory();

/** Prints the outcome of a `put`: created, updated or unchanged; a locked record is an error with its reason. */
export function printOutcome(ctx: CliContext, what: string, outcome: UpsertOutcome): void {
  if (outcome.outcome === 'locked') throw conflict(`${what} not changed: ${outcome.reason}`);
  print(ctx, { record: what, outcome: outcome.outcome }, () => `${what}: ${outcome.outcome}`);
}
