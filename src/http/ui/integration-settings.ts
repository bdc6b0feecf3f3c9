import type { Context } from 'hono';
import { html } from 'hono/html';
import type { Connector } from '../../connectors/sdk/connector.js';
import type { FieldIssue } from '../../kernel/errors.js';
import type { IntegrationView } from '../../sync/integrations.js';
import { csrfField } from './csrf.js';
import { defaultValue, editableFields, errorsByField, formValue, isCredential, settingFields, settingInput } from './settings-fields.js';

/**
 * The settings form: non-secret settings editable with their stored (or default) values; secrets
 * only as "set", with an empty input that replaces them when filled. Values never leave the server.
 */
export function settingsSection(c: Context, connector: Connector<any>, integration: IntegrationView, issues: FieldIssue[] = []) {
  const errors = errorsByField(issues);
  const fields = editableFields(c, connector);
  const input = (f: (typeof fields)[number]) =>
    settingInput(f, {
      value: f.secret ? '' : (formValue(integration.settings[f.key]) || defaultValue(connector, f)),
      error: errors.get(f.key),
      secretSet: f.secret === true && integration.secretsSet.includes(f.key),
    });
  return html`<section class="card" id="settings" aria-labelledby="settings-title">
    <h2 id="settings-title">Settings</h2>
    <form class="stack" method="post" action="/integrations/${integration.id}/settings">
      ${csrfField(c)}
      <div class="field"><label for="name">Name</label><input id="name" name="name" value="${integration.name}" required /></div>
      <fieldset><legend>${connector.oauth ? 'Authorisation' : 'Credentials'}</legend>${fields.filter(isCredential).map(input)}</fieldset>
      <fieldset><legend>Settings</legend>${fields.filter((f) => !isCredential(f)).map(input)}</fieldset>
      <div class="actions"><button class="primary" type="submit">Save settings</button></div>
    </form>
  </section>`;
}

/**
 * What changed in the form: settings that differ from what the form showed (the stored value, or
 * the default), so an untouched default is not stored; and the secrets that were typed.
 */
export function changedSettings(connector: Connector<any>, integration: IntegrationView, given: { settings: Record<string, string>; secrets: Record<string, string> }) {
  const shown = (key: string) => {
    const field = settingFields(connector).find((f) => f.key === key);
    return formValue(integration.settings[key]) || (field ? defaultValue(connector, field) : '');
  };
  const settings = Object.fromEntries(Object.entries(given.settings).filter(([key, value]) => shown(key) !== value));
  return { settings, secrets: given.secrets };
}
