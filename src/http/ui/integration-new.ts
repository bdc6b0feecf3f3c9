import type { Context } from 'hono';
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { Connector, Environment } from '../../connectors/sdk/connector.js';
import { isWmsyncError } from '../../kernel/errors.js';
import type { FieldIssue } from '../../kernel/errors.js';
import { requireOwner } from '../access.js';
import { csrfField } from './csrf.js';
import type { UiDeps } from './deps.js';
import { notice } from './fragments.js';
import type { Html } from './fragments.js';
import { layout } from './layout.js';
import { visibleGoodsOwners } from './owners.js';
import { defaultValue, editableFields, errorsByField, isCredential, readSettings, settingInput } from './settings-fields.js';

const environments: { id: Environment; label: string }[] = [
  { id: 'production', label: 'Production' },
  { id: 'test', label: 'Test' },
  { id: 'sandbox', label: 'Sandbox (a local simulator with generated data)' },
];

interface Draft {
  system: string;
  environment: Environment;
  goodsOwner: string;
}

/** What the form sent, kept to show it again after "Test connection" or a refused save. */
type Sent = Record<string, unknown>;

function chooseStep(deps: UiDeps, owners: { code: string; name: string }[], given: Partial<Draft>) {
  const checked = (a: unknown, b: string) => (a === b ? html` checked` : '');
  return html`<form class="stack" method="get" action="/integrations/new">
    <fieldset>
      <legend>System</legend>
      ${deps.sync.registry.list().map(
        (x, i) => html`<label class="check"><input type="radio" name="system" value="${x.id}" required${checked(given.system ?? (i === 0 ? x.id : ''), x.id)} />
          <span><strong>${x.displayName}</strong><br /><span class="muted">${x.oauth ? 'Sign in at the system (OAuth 2)' : 'API credentials'} · ${x.flows.length} functions</span></span></label>`,
      )}
    </fieldset>
    <fieldset>
      <legend>Environment</legend>
      ${environments.map((e) => html`<label class="check"><input type="radio" name="environment" value="${e.id}" required${checked(given.environment ?? 'production', e.id)} /><span>${e.label}</span></label>`)}
    </fieldset>
    <div class="field">
      <label for="goodsOwner">Goods owner</label>
      <select id="goodsOwner" name="goodsOwner" required>
        ${owners.map((o) => html`<option value="${o.code}"${given.goodsOwner === o.code ? html` selected` : ''}>${o.code} · ${o.name}</option>`)}
      </select>
    </div>
    <div class="actions"><button class="primary" type="submit">Continue</button><a href="/">Cancel</a></div>
  </form>`;
}

function detailsStep(c: Context, connector: Connector<any>, draft: Draft, sent: Sent | undefined, issues: FieldIssue[]) {
  const errors = errorsByField(issues);
  const fields = editableFields(c, connector).filter((f) => f.key !== 'environment');
  const sandbox = draft.environment === 'sandbox';
  const valueOf = (key: string, secret: boolean, fallback: string) => {
    const v = sent?.[`${secret ? 'secrets' : 'settings'}.${key}`];
    return typeof v === 'string' ? v : fallback;
  };
  const input = (f: (typeof fields)[number]) =>
    settingInput(f, { value: valueOf(f.key, f.secret === true, sandbox && isCredential(f) ? '' : defaultValue(connector, f)), error: errors.get(f.key), required: !sandbox && f.required === true });
  const flowOn = (id: string, byDefault: boolean) => (sent ? sent[`flow.${id}`] === 'on' : byDefault);
  const name = typeof sent?.name === 'string' ? sent.name : `${connector.displayName} ${draft.goodsOwner}`;
  return html`<form class="stack" method="post" action="/integrations/new">
    ${csrfField(c)}
    <input type="hidden" name="system" value="${draft.system}" />
    <input type="hidden" name="environment" value="${draft.environment}" />
    <input type="hidden" name="goodsOwner" value="${draft.goodsOwner}" />
    <p class="muted">${connector.displayName} · ${draft.environment} · goods owner ${draft.goodsOwner} · <a href="/integrations/new?system=${draft.system}&amp;environment=${draft.environment}&amp;goodsOwner=${encodeURIComponent(draft.goodsOwner)}&amp;change=1">Change</a></p>
    <div class="field"><label for="name">Name</label><input id="name" name="name" value="${name}" required /></div>
    <fieldset>
      <legend>${connector.oauth ? 'Authorisation' : 'Credentials'}</legend>
      ${sandbox ? html`<p class="muted">The sandbox brings its own credentials: leave these empty.</p>` : ''}
      ${connector.oauth ? html`<p class="muted">After saving you sign in at ${connector.displayName} and allow wmsync access.</p>` : ''}
      ${fields.filter(isCredential).map(input)}
    </fieldset>
    <fieldset>
      <legend>Functions</legend>
      ${connector.flows.map(
        (f) => html`<label class="check"><input type="checkbox" name="flow.${f.id}"${flowOn(f.id, f.enabledByDefault) ? html` checked` : ''} />
          <span><strong>${f.id}</strong><br /><span class="muted">${f.description}</span></span></label>`,
      )}
    </fieldset>
    <fieldset>
      <legend>Settings</legend>
      ${fields.filter((f) => !isCredential(f)).map(input)}
    </fieldset>
    <div class="actions">
      ${connector.oauth ? '' : html`<button type="submit" name="intent" value="test">Test connection</button>`}
      <button class="primary" type="submit" name="intent" value="save">${connector.oauth ? 'Save and authorise' : 'Save'}</button>
      <a href="/">Cancel</a>
    </div>
  </form>`;
}

const frame = { title: 'New integration', section: 'integrations' as const };
const environmentOf = (v: unknown): Environment | undefined => environments.find((e) => e.id === v)?.id;

/**
 * `/integrations/new`: choose the system, environment and goods owner; then credentials (or, for
 * OAuth systems, save and sign in at the system), the functions and settings, "Test connection", Save.
 */
export function integrationNewPage(deps: UiDeps) {
  const app = new Hono();
  const { sync } = deps;

  const render = async (c: Context, draft: Draft | undefined, sent?: Sent, result?: Html, issues: FieldIssue[] = [], status: 200 | 422 = 200) => {
    const owners = await visibleGoodsOwners(c, deps.wms);
    const body = draft
      ? detailsStep(c, sync.registry.get(draft.system), draft, sent, issues)
      : owners.length === 0
        ? html`<p>There is no goods owner yet. Add one first: <code>npx wmsync goods-owners add ACME --name "Acme Oy"</code></p>`
        : chooseStep(deps, owners, { system: c.req.query('system'), environment: environmentOf(c.req.query('environment')), goodsOwner: c.req.query('goodsOwner') });
    return layout(c, frame, html`<h1>New integration</h1>${result ?? ''}<div class="card">${body}</div>`, status);
  };

  app.get('/integrations/new', async (c) => {
    const system = c.req.query('system');
    const environment = environmentOf(c.req.query('environment'));
    const goodsOwner = c.req.query('goodsOwner');
    if (!system || !environment || !goodsOwner || c.req.query('change')) return render(c, undefined);
    sync.registry.get(system);
    requireOwner(c, goodsOwner);
    return render(c, { system, environment, goodsOwner });
  });

  app.post('/integrations/new', async (c) => {
    const form = await c.req.parseBody();
    const draft: Draft = { system: String(form.system ?? ''), environment: environmentOf(form.environment) ?? 'production', goodsOwner: String(form.goodsOwner ?? '') };
    requireOwner(c, draft.goodsOwner);
    const connector = sync.registry.get(draft.system);
    const fields = editableFields(c, connector).filter((f) => f.key !== 'environment');
    const given = readSettings(form, fields);
    // Only what differs from a default is stored, so a later change of a default reaches this integration.
    const settings = Object.fromEntries(Object.entries(given.settings).filter(([key, value]) => {
      const field = fields.find((f) => f.key === key);
      return !field || defaultValue(connector, field) !== value;
    }));
    const input = { system: draft.system, settings: { ...settings, environment: draft.environment }, secrets: given.secrets };
    try {
      if (form.intent === 'test') {
        await sync.testConnection(input);
        return render(c, draft, form, notice('ok', `Connection OK: ${connector.displayName} accepted the credentials.`));
      }
      const created = await sync.integrations.add({ ...input, goodsOwner: draft.goodsOwner, name: String(form.name ?? '').trim() || `${connector.displayName} ${draft.goodsOwner}` });
      for (const flow of connector.flows) {
        const on = form[`flow.${flow.id}`] === 'on';
        if (on !== flow.enabledByDefault) await sync.integrations.setFlowEnabled(created.id, flow.id, on);
      }
      return c.redirect(connector.oauth ? `/oauth/start/${created.id}` : `/integrations/${created.id}?notice=created`, 303);
    } catch (e) {
      if (!isWmsyncError(e) || e.kind === 'system' || e.kind === 'not-found') throw e;
      const what = form.intent === 'test' ? 'Connection failed' : 'Not saved';
      return render(c, draft, form, notice('error', `${what}: ${e.message}`, e.details), e.details, 422);
    }
  });
  return app;
}
