import type { Context } from 'hono';
import { html } from 'hono/html';
import { definitionsOf } from '../../connectors/sdk/settings.js';
import { isWmsyncError } from '../../kernel/errors.js';
import type { FieldIssue } from '../../kernel/errors.js';
import type { Tenant } from '../../tenants/goods-owners.js';
import { wmsKinds } from '../../tenants/wms-kinds.js';
import type { WmsKind } from '../../tenants/wms-kinds.js';
import { requireAdmin } from '../access.js';
import { notice } from './fragments.js';
import type { Html } from './fragments.js';
import { errorsByField, formValue, readSettings, settingInput } from './settings-fields.js';

/** A posted form, shown again after "Test connection" or a refusal: its settings, never its secrets. */
export type Sent = Record<string, unknown>;

export const wmsFields = (kind: WmsKind) => definitionsOf(wmsKinds[kind].settings);

/** The WMSs a goods owner can be on, as the registry lists them; the first is the default. */
export const wmsKindList = Object.keys(wmsKinds) as WmsKind[];

/**
 * The chosen WMS's values in a form: each setting as typed, '' when emptied or left at its default
 * (unset, so a later change of the default reaches it); only the secrets that were typed.
 */
export function readWms(form: Sent, kind: WmsKind) {
  const fields = wmsFields(kind);
  const { settings, secrets } = readSettings(form, fields);
  const typed = (key: string, fallback: string) => (settings[key] === undefined || settings[key] === fallback ? '' : settings[key]);
  return { settings: Object.fromEntries(fields.filter((f) => !f.secret).map((f) => [f.key, typed(f.key, formValue(f.default))])), secrets };
}

/** One WMS's inputs: a value sent, else the stored one, else the default; a stored secret only as "set", its input empty. */
export function wmsInputs(kind: WmsKind, { sent, stored, issues = [] }: { sent?: Sent; stored?: Tenant; issues?: FieldIssue[] }) {
  const errors = errorsByField(issues);
  return wmsFields(kind).map((f) => {
    const typed = sent?.[`settings.${f.key}`];
    const value = f.secret ? '' : typeof typed === 'string' ? typed : formValue(stored?.wmsSettings[f.key]) || formValue(f.default);
    return settingInput(f, { value, error: errors.get(f.key), secretSet: f.secret === true && stored?.wmsSecretsSet.includes(f.key) === true });
  });
}

/** With the script, "Test connection" answers in this region without a reload, so typed secrets stay typed. */
export const testButton = html`<button type="submit" name="intent" value="test" data-result="wms-test-result">Test connection</button>`;
export const testResult = (result: Html | string = '') => html`<div id="wms-test-result" aria-live="polite">${result}</div>`;

/** A WMS form's page shown again: a refused save's notice on top, a test's answer in its region, the form as sent, the fields a refusal names beside their inputs. */
export interface Shown {
  top?: Html;
  test?: Html;
  sent?: Sent;
  issues?: FieldIssue[];
}

export interface WmsFormSteps {
  kind: WmsKind;
  test: () => Promise<void>;
  save: () => Promise<unknown>;
  done: string;
  again: (shown: Shown, status: 200 | 422) => Promise<Response>;
}

/** A WMS form's POST: "Test connection" calls the WMS with the form's values; "Save" saves them and redirects to `done`. */
export async function wmsSubmit(c: Context, form: Sent, steps: WmsFormSteps): Promise<Response> {
  requireAdmin(c);
  const testing = form.intent === 'test';
  try {
    if (!testing) {
      await steps.save();
      return c.redirect(steps.done, 303);
    }
    await steps.test();
    const answer = wmsFields(steps.kind).length === 0 ? `The ${wmsKinds[steps.kind].displayName} is part of the hub: there is nothing to connect to.` : `Connection OK: ${wmsKinds[steps.kind].displayName} accepted the settings.`;
    return steps.again({ test: notice('ok', answer) }, 200);
  } catch (e) {
    if (!isWmsyncError(e) || e.kind === 'system' || e.kind === 'forbidden' || e.kind === 'not-found') throw e;
    const refusal = notice('error', `${testing ? 'Connection failed' : 'Not saved'}: ${e.message}`, e.details);
    return steps.again({ ...(testing ? { test: refusal } : { top: refusal }), issues: e.details }, 422);
  }
}
