import { readFile } from 'node:fs/promises';
import { InvalidArgumentError } from 'commander';
import { recordError } from '../kernel/errors.js';

/** Reads a JSON file for `put --file`; "-" reads standard input. */
export async function readJsonFile(file: string): Promise<unknown> {
  const text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw recordError(file, [{ record: file, field: '(file)', reason: `is not valid JSON${where(text, (e as Error).message)}: ${(e as Error).message.replace(/ in JSON at position \d+.*$/, '')}` }]);
  }
}

/** " at line L, column C", from the position V8 names in its message (or the end, for a cut-off file). */
function where(text: string, message: string): string {
  const position = /at position (\d+)/.exec(message)?.[1];
  const at = position !== undefined ? Number(position) : /end of JSON input/.test(message) ? text.length : undefined;
  if (at === undefined) return '';
  const before = text.slice(0, at).split('\n');
  return ` at line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Option parsers: commander reports what they throw, naming the option. */

/** Collects repeated `--picked ROW=QTY` / `--line ROW=QTY` options. */
export function rowQuantity(value: string, previous: { row: number; quantity: number }[] = []) {
  const m = /^(\d+)=(\d+(?:\.\d+)?)$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError(`"${value}" should be ROW=QUANTITY, for example 2=1`);
  return [...previous, { row: Number(m[1]), quantity: Number(m[2]) }];
}

export function number(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`"${value}" is not a number`);
  return n;
}

export function integer(value: string): number {
  const n = number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError(`"${value}" is not a whole number`);
  return n;
}

export function positiveInteger(value: string): number {
  const n = integer(value);
  if (n < 1) throw new InvalidArgumentError(`"${value}" should be 1 or more`);
  return n;
}

/** Collects repeated `key=value` options (`--set`, `--secret`) into one object. */
export function keyValue(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError(`"${value}" should be KEY=VALUE`);
  return { ...previous, [value.slice(0, at).trim()]: value.slice(at + 1) };
}
