/**
 * Procountor's date and time formats [V P-DEV-req]: dates "2017-01-30", datetimes
 * "2017-01-30T15:20:00" without a zone. The sandbox writes UTC wall-clock time with milliseconds,
 * so that two changes within one second still get different versions [G: precision and zone].
 */
export const day = 86_400_000;

export const formatDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const formatDatetime = (ms: number): string => new Date(ms).toISOString().slice(0, 23);

const datetimePattern = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?$/;

/** Parses a date or a zone-less datetime as UTC; a zone suffix (Z, +02:00) is accepted too [G]. */
export function parseDatetime(raw: string): number | undefined {
  const zoned = /(Z|[+-]\d{2}:\d{2})$/.exec(raw);
  const local = zoned ? raw.slice(0, zoned.index) : raw;
  if (!datetimePattern.test(local)) return undefined;
  // Milliseconds beyond three digits are cut, as Date.parse does not take them.
  const trimmed = local.replace(/(\.\d{3})\d+$/, '$1');
  const ms = Date.parse(`${trimmed.length === 10 ? `${trimmed}T00:00:00` : trimmed}${zoned?.[1] ?? 'Z'}`);
  return Number.isNaN(ms) ? undefined : ms;
}
