/*
 * 24SevenOffice's dateTimes are UTC without a zone [V B3 FAQ]: `2024-05-01T10:00:00`. The
 * cursors are instants (ISO with Z), taken from the records' DateChanged: the source's clock.
 */

/** A DateChanged as an instant; undefined for a missing or unreadable one. */
export function changedAt(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const at = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
  return Number.isNaN(at) ? undefined : new Date(at).toISOString();
}

/** The later of two instants (ISO text compares in time order). */
export const later = (a: string | undefined, b: string | undefined): string | undefined => (a === undefined ? b : b === undefined || a >= b ? a : b);

/** The newest DateChanged of raw records, whatever else about them parsed. */
export const newestChange = (raws: readonly unknown[], start?: string): string | undefined =>
  raws.reduce<string | undefined>((newest, raw) => later(newest, changedAt((raw as { DateChanged?: string } | null)?.DateChanged)), start);
