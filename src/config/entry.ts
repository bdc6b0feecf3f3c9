import type { z } from 'zod';
import { configError } from '../kernel/errors.js';

/** One configuration entry: where it comes from, its default, and a line of documentation. */
export interface ConfigEntry<S extends z.ZodType = z.ZodType> {
  env: string;
  schema: S;
  default: z.input<S> | undefined;
  doc: string;
}

export const entry = <S extends z.ZodType>(e: ConfigEntry<S>): ConfigEntry<S> => e;

type Values<T extends Record<string, ConfigEntry>> = { [K in keyof T]: z.output<T[K]['schema']> };

/** Reads one concern's entries from the environment; command-line overrides win. */
export function readSection<T extends Record<string, ConfigEntry>>(
  entries: T,
  env: Record<string, string | undefined>,
  overrides: Partial<Record<keyof T, unknown>> = {},
): Values<T> {
  const out: Record<string, unknown> = {};
  for (const [name, e] of Object.entries(entries)) {
    const raw = overrides[name] ?? env[e.env] ?? e.default;
    const parsed = e.schema.safeParse(raw === '' ? e.default : raw);
    if (!parsed.success) {
      const reason = parsed.error.issues[0]?.message ?? 'is invalid';
      throw configError(`${e.env}=${JSON.stringify(raw)}: ${reason}`, [
        { record: 'configuration', field: e.env, value: raw, reason },
      ]);
    }
    out[name] = parsed.data;
  }
  return out as Values<T>;
}
