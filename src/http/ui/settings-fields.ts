import type { Context } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import type { Connector, SettingDefinition } from '../../connectors/sdk/connector.js';
import type { FieldIssue } from '../../kernel/errors.js';
import { principalOf } from '../access.js';

/** A setting as the forms show it: the connector's definition, common settings included. */
export type SettingField = SettingDefinition;

/** The value a form shows for a setting nobody set: its default (the interval: the connector's). */
export const defaultValue = (connector: Connector<any>, field: SettingField): string =>
  formValue(field.key === 'intervalMinutes' ? connector.defaultIntervalMinutes : field.default);

export const settingFields = (connector: Connector<any>): SettingField[] => connector.settings;

/** The settings the signed-in user may change: a goods-owner user never sees the admin-only ones (a custom API root). */
export const editableFields = (c: Context, connector: Connector<any>): SettingField[] =>
  settingFields(connector).filter((f) => !f.adminOnly || principalOf(c).role === 'admin');

/** The ones a user gives to connect: required settings and secrets. */
export const isCredential = (field: SettingField) => field.required === true || field.secret === true;

/** A stored value as a form shows it: lists (e.g. order statuses) as the comma list they were typed as. */
export const formValue = (value: unknown): string => (value === undefined || value === null ? '' : Array.isArray(value) ? value.join(',') : String(value));

/** Field errors by setting key, from the issues a refused save names. */
export const errorsByField = (issues: FieldIssue[]) => new Map(issues.map((i) => [i.field, i.reason]));

export interface InputOptions {
  value: string;
  error?: string | undefined;
  /** Required in this environment (the sandbox brings its own credentials). */
  required?: boolean;
  /** For a stored secret: it is set, and an empty input keeps it. */
  secretSet?: boolean;
}

/**
 * One labelled input for a setting: a password input for a secret, Yes/No for a switch, a number
 * input for a number, text otherwise; its doc line as the hint, and its error beside it.
 */
export function settingInput(field: SettingField, options: InputOptions) {
  const id = `setting-${field.key}`;
  const described = `${id}-hint${options.error ? ` ${id}-error` : ''}`;
  const invalid = options.error ? html` aria-invalid="true"` : '';
  const required = options.required ? html` required` : '';
  let control;
  if (field.schema instanceof z.ZodEnum) {
    const choices = field.schema.options.map(String);
    control = html`<select id="${id}" name="settings.${field.key}" aria-describedby="${described}"${invalid}>
      ${choices.map((choice) => html`<option value="${choice}"${choice === (options.value || String(field.default)) ? html` selected` : ''}>${choice}</option>`)}
    </select>`;
  } else if (typeof field.default === 'boolean') {
    const on = (options.value || String(field.default)) === 'true';
    control = html`<select id="${id}" name="settings.${field.key}" aria-describedby="${described}"${invalid}>
      <option value="true"${on ? html` selected` : ''}>Yes</option>
      <option value="false"${on ? '' : html` selected`}>No</option>
    </select>`;
  } else if (field.secret) {
    const placeholder = options.secretSet ? 'set (leave empty to keep)' : '';
    control = html`<input id="${id}" name="secrets.${field.key}" type="password" autocomplete="new-password" value="${options.value}" placeholder="${placeholder}" aria-describedby="${described}"${invalid}${required} />`;
  } else {
    const numeric = typeof field.default === 'number' || field.key.endsWith('Minutes');
    control = html`<input id="${id}" name="settings.${field.key}" type="${numeric ? 'number' : 'text'}" value="${options.value}" aria-describedby="${described}"${invalid}${required} />`;
  }
  return html`<div class="field">
    <label for="${id}">${field.label}${field.secret && options.secretSet ? html` <span class="badge badge-on">set</span>` : ''}</label>
    ${control}
    <span class="hint" id="${id}-hint">${field.doc}</span>
    ${options.error ? html`<span class="error" id="${id}-error">${field.label}: ${options.error}</span>` : ''}
  </div>`;
}

/** `settings.key` and `secrets.key` form fields back to values; empty inputs are left out. */
export function readSettings(form: Record<string, unknown>, fields: SettingField[]) {
  const settings: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  for (const field of fields) {
    const raw = form[`${field.secret ? 'secrets' : 'settings'}.${field.key}`];
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (value === '') continue;
    (field.secret ? secrets : settings)[field.key] = value;
  }
  return { settings, secrets };
}
