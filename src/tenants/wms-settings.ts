import { recordError } from '../kernel/errors.js';
import type { FieldIssue } from '../kernel/errors.js';
import { wmsKinds } from './wms-kinds.js';
import type { WmsKind } from './wms-kinds.js';

export interface CheckedWmsSettings {
  settings: Record<string, unknown>;
  secrets: Record<string, unknown>;
}

/**
 * Checks a goods owner's `--set`/`--secret` values against its WMS's definitions: an unknown key,
 * a bad value, a secret given as a plain setting (it would be shown in lists) and a missing
 * required value are each named. Secret values are never repeated in an issue.
 */
export function checkWmsSettings(kind: WmsKind, given: { settings?: Record<string, string>; secrets?: Record<string, string> }, record: string): CheckedWmsSettings {
  const specs = wmsKinds[kind].settings;
  const known = Object.keys(specs).join(', ') || 'none';
  const out: CheckedWmsSettings = { settings: {}, secrets: {} };
  const issues: FieldIssue[] = [];
  for (const from of ['settings', 'secrets'] as const) {
    for (const [key, raw] of Object.entries(given[from] ?? {})) {
      const spec = specs[key];
      const shown = from === 'secrets' || spec?.secret ? {} : { value: raw };
      if (!spec) {
        issues.push({ record, field: key, ...shown, reason: `is not a setting of the ${wmsKinds[kind].displayName}; known: ${known}` });
        continue;
      }
      if ((spec.secret === true) !== (from === 'secrets')) {
        issues.push({ record, field: key, ...shown, reason: spec.secret ? `is a secret: give it with --secret ${key}=…` : `is not a secret: give it with --set ${key}=…` });
        continue;
      }
      const parsed = spec.schema.safeParse(raw);
      if (parsed.success) out[from][key] = parsed.data;
      else issues.push({ record, field: key, ...shown, reason: parsed.error.issues[0]?.message ?? 'is invalid' });
    }
  }
  for (const [key, spec] of Object.entries(specs)) {
    const where = spec.secret ? out.secrets : out.settings;
    const givenRaw = (spec.secret ? given.secrets : given.settings)?.[key];
    if (spec.required && where[key] === undefined && givenRaw === undefined) {
      issues.push({ record, field: key, reason: `is required (${spec.doc}); give it with ${spec.secret ? '--secret' : '--set'} ${key}=…` });
    }
  }
  if (issues.length) throw recordError(record, issues);
  return out;
}
