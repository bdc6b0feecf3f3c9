import { html } from 'hono/html';
import type { MappingTable } from '../../mapping/index.js';
import { isEmpty, readSourcePath } from '../../mapping/source-value.js';
import type { PreviewRow } from '../../sync/preview.js';
import type { EditorState, RowChoice } from './mapping-overrides.js';

/** The source fields seen in the sampled records, each with a value seen there: what the picker offers. */
export interface SourceFields {
  samples: number;
  header: Map<string, unknown>;
  /** Inside one line (the line table's rows read from the line). */
  lines: Map<string, unknown>;
}

/** Lists are offered by their first items only, so that 40 lines do not make 40 entries. */
const LIST_ITEMS = 1;

/** Every leaf's dotted path (a list item as `.0`), keeping the first non-blank value seen for it. */
function collect(value: unknown, path: string, out: Map<string, unknown>) {
  if (Array.isArray(value)) value.slice(0, LIST_ITEMS).forEach((v, i) => collect(v, path ? `${path}.${i}` : String(i), out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, path ? `${path}.${k}` : k, out);
  else if (path && (!out.has(path) || isEmpty(out.get(path)))) out.set(path, value);
}

/** The paths of the sampled records, the whole record's and a line's (where the line table reads its lines from a path). */
export function sourceFields(table: MappingTable, samples: unknown[]): SourceFields {
  const header = new Map<string, unknown>();
  const lines = new Map<string, unknown>();
  const linesFrom = table.lines?.from.kind === 'path' ? table.lines.from.path : undefined;
  for (const source of samples) {
    collect(source, '', header);
    const list = linesFrom === undefined ? undefined : readSourcePath(source, linesFrom);
    if (Array.isArray(list)) for (const line of list) collect(line, '', lines);
  }
  return { samples: samples.length, header: new Map([...header].sort(([a], [b]) => a.localeCompare(b))), lines: new Map([...lines].sort(([a], [b]) => a.localeCompare(b))) };
}

/** A line table's row (`orderLines[].numberOfItems`) reads from the line, not from the record. */
export const isLineRow = (table: MappingTable, wms: string) => table.lines !== undefined && wms.startsWith(`${table.lines.wms}[]`);

const example = (value: unknown) => (isEmpty(value) ? '(blank)' : String(value).slice(0, 40));

/** The two pickers, as native lists the value inputs point at. */
export const sourcePickers = (fields: SourceFields) =>
  html`<datalist id="source-fields">${[...fields.header].map(([path, value]) => html`<option value="${path}">${example(value)}</option>`)}</datalist>
    <datalist id="source-fields-line">${[...fields.lines].map(([path, value]) => html`<option value="${path}">${example(value)}</option>`)}</datalist>`;

/**
 * A source field that none of the sampled records has would leave its WMS field blank on every
 * one of them: said at the row, before anything is saved. Without samples nothing is known.
 */
export function rowWarning(table: MappingTable, fields: SourceFields, choice: RowChoice): string | undefined {
  if (fields.samples === 0 || choice.mode !== 'path' || choice.value.trim() === '') return undefined;
  const seen = isLineRow(table, choice.wms) ? fields.lines : fields.header;
  const path = choice.value.trim();
  if (seen.has(path) && !isEmpty(seen.get(path))) return undefined;
  const prefixed = [...seen.keys()].some((p) => p.startsWith(`${path}.`));
  if (prefixed) return undefined;
  return `${path} is ${seen.has(path) ? 'blank' : 'not'} in any of the ${fields.samples} sampled records: ${choice.wms} would be blank on every one. Pick a field from the list.`;
}

/** The WMS fields a changed row sets that the preview finds blank on every sampled record (on every line, for a line field). */
export function blankEverywhere(table: MappingTable, state: EditorState, rows: PreviewRow[]): string[] {
  if (rows.length === 0) return [];
  const changed = [...state.base, ...state.added].filter((c) => c.mode === 'const' || c.mode === 'path').map((c) => c.wms);
  const valuesOf = (record: Record<string, unknown> | undefined, wms: string): unknown[] => {
    if (!isLineRow(table, wms)) return [readSourcePath(record, wms)];
    const list = readSourcePath(record, table.lines!.wms);
    const field = wms.slice(table.lines!.wms.length + 3);
    return Array.isArray(list) ? list.map((line) => readSourcePath(line, field)) : [];
  };
  return changed.filter((wms) => rows.every((row) => valuesOf(row.proposed, wms).every(isEmpty)));
}
