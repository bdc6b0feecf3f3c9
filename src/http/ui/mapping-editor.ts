import type { Context } from 'hono';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { describeConnector } from '../../connectors/describe.js';
import type { FlowId } from '../../connectors/sdk/flows.js';
import { isWmsyncError, notFound } from '../../kernel/errors.js';
import type { FieldIssue } from '../../kernel/errors.js';
import { canonicalPaths, describeMapping } from '../../mapping/index.js';
import type { IntegrationView } from '../../sync/integrations.js';
import { csrfField } from './csrf.js';
import type { UiDeps } from './deps.js';
import { notice, scrollTable } from './fragments.js';
import type { Html } from './fragments.js';
import { ownIntegration } from './integration-detail.js';
import { layout } from './layout.js';
import { buildOverrides, editorState, readChoices } from './mapping-overrides.js';
import type { EditorState, Mode, RowChoice } from './mapping-overrides.js';
import { previewSection } from './mapping-preview.js';
import { blankEverywhere, isLineRow, rowWarning, sourceFields, sourcePickers } from './mapping-sources.js';
import type { SourceFields } from './mapping-sources.js';
import type { PreviewRow } from '../../sync/preview.js';

const modeText: Record<Mode, string> = { keep: 'As the connector', current: 'Keep this override', const: 'Fixed value', path: 'Source field', drop: 'Drop the row' };

function changeControls(prefix: string, choice: RowChoice, modes: Mode[], error: string | undefined, picker: { list: string; warning?: string | undefined }) {
  const id = prefix.replace('.', '-');
  const described = [error ? `${id}-error` : '', picker.warning ? `${id}-warning` : ''].filter(Boolean).join(' ');
  // One cell: the choice above its value, so that the value's input stays in view beside the preview.
  return html`<td><div class="change">
      <label class="visually-hidden" for="${id}-mode">Change for ${choice.wms || 'the new row'}</label>
      <select id="${id}-mode" name="${prefix}.mode">${modes.map((m) => html`<option value="${m}"${choice.mode === m ? html` selected` : ''}>${m === 'drop' && prefix.startsWith('added') ? 'Remove the row' : modeText[m]}</option>`)}</select>
      <label class="visually-hidden" for="${id}-value">Value or source field for ${choice.wms || 'the new row'}</label>
      <input id="${id}-value" name="${prefix}.value" value="${choice.value}" placeholder="value or path" list="${picker.list}"${error ? html` aria-invalid="true"` : ''}${described ? html` aria-describedby="${described}"` : ''} />
      ${error ? html`<div class="error" id="${id}-error">${error}</div>` : ''}
      ${picker.warning ? html`<div class="warning" id="${id}-warning">${picker.warning}</div>` : ''}
    </div></td>`;
}

/** Issues that name `overrides[3]…` belong to the form row that made override 3. */
function errorsByRow(issues: FieldIssue[], rowOf: string[]) {
  const out = new Map<string, string>();
  for (const issue of issues) {
    const index = /^overrides\[(\d+)\]/.exec(issue.field)?.[1];
    const row = index === undefined ? undefined : rowOf[Number(index)];
    if (row) out.set(row, `${issue.value === undefined ? '' : `${JSON.stringify(issue.value)}: `}${issue.reason}`);
  }
  return out;
}

function editorForm(c: Context, deps: UiDeps, integration: IntegrationView, flowId: FlowId, state: EditorState, rowErrors: Map<string, string>, fields: SourceFields) {
  const connector = deps.sync.registry.get(integration.system);
  const flow = connector.flows.find((f) => f.id === flowId);
  if (!flow || flow.kind !== 'import') throw notFound(`mapping of ${flowId}`);
  const original = describeMapping(flow.mapping);
  const saved = describeConnector(connector, integration).flows.find((f) => f.flow === flowId)?.mapping ?? [];
  const now = (wms: string, i?: number) => {
    const row = saved.find((r) => r.wms === wms);
    if (!row) return html`<span class="badge badge-failed">dropped</span><br /><span class="muted">${i === undefined ? '' : original[i]?.from}</span>`;
    return html`${row.from}${row.overridden ? html` <span class="badge badge-overridden">overridden</span>` : ''}`;
  };
  const used = new Set([...state.base.map((r) => r.wms), ...state.added.map((r) => r.wms)]);
  const free = canonicalPaths(flow.mapping.target).filter((p) => !used.has(p));
  const picker = (choice: RowChoice) => ({ list: isLineRow(flow.mapping, choice.wms) ? 'source-fields-line' : 'source-fields', warning: rowWarning(flow.mapping, fields, choice) });
  return html`<form method="post" action="/integrations/${integration.id}/mapping/${flowId}">
    ${csrfField(c)}
    <input type="hidden" name="added.count" value="${state.added.length}" />
    ${scrollTable(
      `Mapping of ${flowId}`,
      html`<tr><th>WMS field</th><th>Now</th><th>Change</th></tr>`,
      [
        ...state.base.map(
          (choice, i) => html`<tr><td><code>${choice.wms}</code></td><td>${now(choice.wms, i)}</td>
            ${changeControls(`base.${i}`, choice, choice.current ? ['keep', 'current', 'const', 'path', 'drop'] : ['keep', 'const', 'path', 'drop'], rowErrors.get(`base-${i}`), picker(choice))}</tr>`,
        ),
        ...state.added.map(
          (choice, i) => html`<tr><td><input type="hidden" name="added.${i}.wms" value="${choice.wms}" /><code>${choice.wms}</code> <span class="badge badge-overridden">added</span></td><td>${now(choice.wms)}</td>
            ${changeControls(`added.${i}`, choice, choice.current ? ['current', 'const', 'path', 'drop'] : ['const', 'path', 'drop'], rowErrors.get(`added-${i}`), picker(choice))}</tr>`,
        ),
      ],
    )}
    <fieldset style="margin-top:1rem">
      <legend>Add a row</legend>
      <div class="inline">
        <div class="field"><label for="new-wms">WMS field</label>
          <select id="new-wms" name="new.wms"><option value="">(none)</option>${free.map((p) => html`<option value="${p}">${p}</option>`)}</select></div>
        <div class="field"><label for="new-mode">Comes from</label>
          <select id="new-mode" name="new.mode"><option value="const">${modeText.const}</option><option value="path">${modeText.path}</option></select></div>
        <div class="field"><label for="new-value">Value or source field</label><input id="new-value" name="new.value" list="source-fields" /></div>
      </div>
    </fieldset>
    <div class="actions" style="margin-top:1rem">
      <button type="submit" name="intent" value="preview">Preview</button>
      <button type="submit" name="intent" value="save" class="primary">Save mapping</button>
      <a href="/integrations/${integration.id}/mapping">Back to the integration</a>
    </div>
    ${sourcePickers(fields)}
    <p class="muted">${fields.samples
      ? `The source field lists offer the ${fields.header.size} fields of the ${fields.samples} recently fetched records (and the ${fields.lines.size} of their lines), each with a value seen.`
      : 'No recently fetched records yet: run the flow once ("Sync now") to get the source fields offered here.'}</p>
  </form>`;
}

/**
 * `/integrations/:id/mapping/:flow`: the override editor of one import flow. A source field is a
 * dotted path in the system's record (in line rows: in the line), as the connector's rows read it.
 */
export function mappingEditorPage(deps: UiDeps) {
  const app = new Hono();
  const { sync } = deps;

  const render = async (c: Context, integration: IntegrationView, state: EditorState | undefined, extra: { top?: Html; preview?: PreviewRow[]; rowErrors?: Map<string, string> } = {}, status: 200 | 422 = 200) => {
    const flowId = c.req.param('flow') as FlowId;
    const flow = sync.registry.get(integration.system).flows.find((f) => f.id === flowId);
    if (!flow || flow.kind !== 'import') throw notFound(`mapping of ${flowId}`);
    const current = state ?? editorState(flow.mapping, integration.mappingOverrides[flowId] ?? []);
    const fields = sourceFields(flow.mapping, (await sync.samples.list(integration.id, flowId)).map((sample) => sample.source));
    const saved = c.req.query('saved') ? notice('ok', 'Mapping saved: the next run uses it.') : '';
    return layout(
      c,
      { title: `Mapping of ${flowId}`, section: 'integrations' },
      html`<div class="page-head"><div><h1>Mapping of ${flowId}</h1>
          <p class="meta"><a href="/integrations/${integration.id}">${integration.name}</a> · change where a WMS field's value comes from, preview it on recent records, then save.</p></div></div>
        ${extra.top ?? saved}
        <div class="editor-layout">
          <div class="card editor-main">${editorForm(c, deps, integration, flowId, current, extra.rowErrors ?? new Map(), fields)}</div>
          <div class="editor-side">${extra.preview
            ? previewSection(extra.preview, blankEverywhere(flow.mapping, current, extra.preview))
            : html`<section class="card" id="preview" aria-labelledby="preview-title"><h2 id="preview-title">Preview</h2><p class="muted">Change a row, then press "Preview": what the change would write for recently fetched records shows here, next to the editor.</p></section>`}</div>
        </div>`,
      status,
    );
  };

  app.get('/integrations/:id{[0-9]+}/mapping/:flow', async (c) => render(c, await ownIntegration(c, sync), undefined));

  app.post('/integrations/:id{[0-9]+}/mapping/:flow', async (c) => {
    const integration = await ownIntegration(c, sync);
    const flowId = c.req.param('flow') as FlowId;
    const flow = sync.registry.get(integration.system).flows.find((f) => f.id === flowId);
    if (!flow || flow.kind !== 'import') throw notFound(`mapping of ${flowId}`);
    const form = await c.req.parseBody();
    const state = readChoices(form, editorState(flow.mapping, integration.mappingOverrides[flowId] ?? []));
    const { overrides, rowOf } = buildOverrides(flow.mapping.target, state);
    try {
      if (form.intent === 'preview') return render(c, integration, state, { preview: await sync.previewMapping(integration.id, flowId, overrides) });
      await sync.integrations.setMappingOverrides(integration.id, flowId, overrides);
      return c.redirect(`/integrations/${integration.id}/mapping/${flowId}?saved=1`, 303);
    } catch (e) {
      if (!isWmsyncError(e) || (e.kind !== 'record' && e.kind !== 'config')) throw e;
      return render(c, integration, state, { top: notice('error', `Not ${form.intent === 'preview' ? 'previewed' : 'saved'}: ${e.message}`, e.details), rowErrors: errorsByRow(e.details, rowOf) }, 422);
    }
  });
  return app;
}
