import { html } from 'hono/html';
import type { PreviewRow } from '../../sync/preview.js';
import { cell, scrollTable } from './fragments.js';

/** `{ a: { b: [ { c: 1 } ] } }` → `a.b[0].c = 1`: every leaf of a record with its path. */
function leaves(value: unknown, path = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
  else out.set(path, value);
  return out;
}

/** The fields whose value the changed mapping would change, current next to proposed. */
function differences(row: PreviewRow) {
  const before = leaves(row.current ?? {});
  const after = leaves(row.proposed ?? {});
  return [...new Set([...before.keys(), ...after.keys()])].filter((k) => JSON.stringify(before.get(k)) !== JSON.stringify(after.get(k))).map((k) => ({ field: k, current: before.get(k), proposed: after.get(k) }));
}

const SHOWN = 10;

/** What the changed mapping would write for recently fetched records, before anything is saved; `blank`: changed fields empty on every one. */
export function previewSection(rows: PreviewRow[], blank: string[] = []) {
  if (rows.length === 0) return html`<section class="card" id="preview"><h2>Preview</h2><p class="muted">No recently fetched records to try it on yet: run the flow once ("Sync now"), then preview.</p></section>`;
  const changed = rows.filter((r) => differences(r).length > 0 || r.issues.length > 0).length;
  return html`<section class="card" id="preview" aria-labelledby="preview-title">
    <h2 id="preview-title">Preview</h2>
    <p>On ${rows.length} recently fetched record${rows.length === 1 ? '' : 's'}, the changed mapping would change ${changed}. Nothing is saved yet.</p>
    ${blank.length
      ? html`<div class="notice notice-warn" role="alert">${blank.map((wms) => html`<p><code>${wms}</code> would be blank on every one of the ${rows.length} records: check its value or source field.</p>`)}</div>`
      : ''}
    ${rows.slice(0, SHOWN).map((row) => {
      const diff = differences(row);
      return html`<h3>${row.record}</h3>
        ${row.issues.length ? html`<ul class="notice notice-error">${row.issues.map((i) => html`<li><code>${i.field}</code>: ${i.reason}</li>`)}</ul>` : ''}
        ${diff.length === 0
          ? html`<p class="muted">No change for this record.</p>`
          : scrollTable(
              `Changes for ${row.record}`,
              html`<tr><th>WMS field</th><th>Current</th><th>Proposed</th></tr>`,
              diff.map((d) => html`<tr><td><code>${d.field}</code></td><td class="diff-old">${cell(d.current)}</td><td class="diff-new">${cell(d.proposed)}</td></tr>`),
            )}`;
    })}
    ${rows.length > SHOWN ? html`<p class="muted">and ${rows.length - SHOWN} more.</p>` : ''}
  </section>`;
}
