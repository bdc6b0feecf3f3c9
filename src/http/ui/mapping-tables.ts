import { html } from 'hono/html';
import type { ConnectorDescription } from '../../connectors/describe.js';
import { scrollTable } from './fragments.js';

type DescribedFlow = ConnectorDescription['flows'][number];

/** One flow's mapping table exactly as `connectors describe` prints it; overridden rows marked. */
export function mappingTable(flow: DescribedFlow) {
  const report = !flow.flow.endsWith('-import');
  return scrollTable(
    `Mapping of ${flow.flow}`,
    html`<tr><th>WMS field</th><th>${report ? 'Sent as' : 'Comes from'}</th><th><span class="visually-hidden">Changed</span></th></tr>`,
    flow.mapping.map(
      (row) => html`<tr${row.overridden ? html` class="overridden"` : ''}>
        <td><code>${row.wms}</code></td><td>${row.from}</td>
        <td>${row.overridden ? html`<span class="badge badge-overridden">overridden</span>` : ''}</td>
      </tr>`,
    ),
  );
}

/** Every flow's table on the integration page; import tables open, with their editor one click away. */
export function mappingSection(integrationId: number, description: ConnectorDescription) {
  return html`<section class="card" id="mapping" aria-labelledby="mapping-title">
    <h2 id="mapping-title">Field mapping</h2>
    <p class="muted">The connector's tables, with this integration's overrides applied.</p>
    ${description.flows.map((flow) => {
      const overridden = flow.mapping.filter((r) => r.overridden).length;
      const editable = flow.flow.endsWith('-import');
      return html`<details${editable ? html` open` : ''} id="mapping-${flow.flow}">
        <summary>${flow.flow} <span class="muted">(${flow.mapping.length} rows${overridden ? `, ${overridden} overridden` : ''})</span></summary>
        ${editable ? html`<p class="actions" style="margin:.5rem 0"><a class="button small" href="/integrations/${integrationId}/mapping/${flow.flow}">Edit mapping of ${flow.flow}</a></p>` : ''}
        ${mappingTable(flow)}
      </details>`;
    })}
  </section>`;
}
