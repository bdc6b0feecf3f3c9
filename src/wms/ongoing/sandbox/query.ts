import type { Context } from 'hono';
import { ApiError } from '../../../connectors/sandbox/index.js';

/** Reads Ongoing's query parameters, refusing a malformed one by name as a 400. */
export function queryOf(c: Context) {
  const text = (name: string) => c.req.query(name);
  const int = (name: string): number | undefined => {
    const raw = text(name);
    if (raw === undefined || raw === '') return undefined;
    if (!/^-?\d+$/.test(raw)) throw new ApiError(400, `The value '${raw}' is not valid for ${name}.`, name);
    return Number(raw);
  };
  return {
    text,
    int,
    flag: (name: string) => text(name)?.toLowerCase() === 'true',
    /** Repeated keys (`articleNumbers=A&articleNumbers=B`); a CSV value is one value (§3.6). */
    list: (name: string) => c.req.queries(name) ?? [],
    time(name: string): Date | undefined {
      const raw = text(name);
      if (raw === undefined || raw === '') return undefined;
      const at = new Date(raw);
      if (Number.isNaN(at.getTime())) throw new ApiError(400, `The value '${raw}' is not valid for ${name}.`, name);
      return at;
    },
  };
}

/** The ID-cursor page (§7.1): ids from `from`, at most `max`, ascending; without `max` every match. */
export function idPage<T>(items: T[], idOf: (item: T) => number, from: number | undefined, max: number | undefined): T[] {
  const sorted = items.filter((i) => from === undefined || idOf(i) >= from).sort((a, b) => idOf(a) - idOf(b));
  return max === undefined ? sorted : sorted.slice(0, max);
}
