import { recordError } from '../../../src/connectors/sdk/index.js';

/** A line's key on Specter's side (row no or row id); a line the WMS holds without one cannot be reported, and says which. */
export function lineKey(line: { row: number; externalOrderLineCode?: string; externalOrderLineId?: string }, field: 'externalOrderLineCode' | 'externalOrderLineId', record: string): string {
  const key = line[field];
  if (key === undefined || key === '') {
    throw recordError(record, [{ record, field: `lines[${line.row}].${field}`, reason: `is empty: Specter's row cannot be named without it` }]);
  }
  return key;
}

/** The date part of a time: Specter's delivery date [G format]. */
export const dateOf = (time: Date | string): string => new Date(time).toISOString().slice(0, 10);
