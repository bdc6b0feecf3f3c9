/**
 * Procountor's `version` (last change) is a datetime without a zone, "2017-01-30T15:20:00"
 * [V P-DEV-req]. Which zone it means is not documented (the sandbox writes UTC; the real service
 * may write Finnish local time). The connector reads the text as if it were UTC, and writes the
 * change filter back the same way, so the filter sent is exactly the text the source gave,
 * whatever zone it means: the cursor stays on the source's clock. Only lag figures shown by the
 * hub may be off by the zone's offset.
 */
const datetimePattern = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(\.\d+)?$/;

/** "2025-03-10T12:00:00.123" → "2025-03-10T12:00:00.123Z": an ISO instant that Date.parse reads; undefined if unreadable. */
export function versionToInstant(version: string | undefined): string | undefined {
  const match = version === undefined ? null : datetimePattern.exec(version.trim());
  if (!match) return undefined;
  const [, date, time = '', fraction = ''] = match;
  const seconds = time.length === 5 ? `${time}:00` : time;
  // Date.parse takes at most milliseconds; a finer fraction is cut, which only moves the cursor back.
  const instant = `${date}T${seconds}${fraction.slice(0, 4)}Z`;
  return Number.isNaN(Date.parse(instant)) ? undefined : instant;
}

/** The change filter for `since`, to the second (rounded down), in Procountor's zone-less form. */
export const instantToDatetime = (since: Date): string => since.toISOString().slice(0, 19);

/** The later of two instants; unreadable ones are ignored. */
export function laterInstant(current: string | undefined, candidate: string | undefined): string | undefined {
  if (candidate === undefined) return current;
  return current === undefined || Date.parse(candidate) > Date.parse(current) ? candidate : current;
}
