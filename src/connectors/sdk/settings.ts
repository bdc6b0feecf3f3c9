import { z } from 'zod';
import { toFieldIssues } from '../../domain/index.js';
import { configError } from '../../kernel/errors.js';

/**
 * One setting of an integration, declared once: from this the SDK derives what `describe` and the
 * UI show, the defaults, the check of `--set`/`--secret` values and the typed settings the api is
 * built from. The schema takes the text the CLI gives and the value it gave before (stored
 * settings pass through it again), so list and flag schemas accept both.
 */
export interface SettingSpec<S extends z.ZodType = z.ZodType> {
  schema: S;
  label: string;
  doc: string;
  default?: string | number | boolean;
  /** Stored encrypted, never shown again, never repeated in an error. */
  secret?: boolean;
  /** Asked for when the integration is created (credentials, store name). */
  required?: boolean;
  /** Only an administrator may set it: it decides where the hub connects (ADR 0008). */
  adminOnly?: boolean;
}

/** A setting as the registry, `describe`, the UI and the integration store see it. */
export interface SettingDefinition extends SettingSpec {
  key: string;
}

export type SettingSpecs = Record<string, SettingSpec>;

/** The typed settings a connector's api is built from: a value for each setting with a default or required, `baseUrl` always. */
export type SettingsOf<T extends SettingSpecs> = {
  [K in keyof T]: T[K] extends { default: string | number | boolean } | { required: true } ? z.output<T[K]['schema']> : z.output<T[K]['schema']> | undefined;
} & { baseUrl: string; environment: Environment };

export type Environment = 'production' | 'test' | 'sandbox';

export const setting = <S extends z.ZodType, M extends Omit<SettingSpec<S>, 'schema'>>(schema: S, meta: M): { schema: S } & M => ({ schema, ...meta });

export const secret = <S extends z.ZodType, M extends Omit<SettingSpec<S>, 'schema' | 'secret'>>(schema: S, meta: M): { schema: S; secret: true } & M => ({
  schema,
  secret: true,
  ...meta,
});

/** A text that must not be empty: credentials, ids. */
export const requiredText = z.string().trim().min(1, 'is required');

const flagWords = new Map([['true', true], ['1', true], ['yes', true], ['on', true], ['false', false], ['0', false], ['no', false], ['off', false]]);

/** An on/off switch as the CLI gives it (`--set sendDeliveryEmails=no`) or as stored (a boolean). */
export const flag = z.preprocess(
  (value) => (typeof value === 'string' ? (flagWords.get(value.trim().toLowerCase()) ?? value) : value),
  z.boolean({ error: 'must be true or false (also 1/0, yes/no, on/off)' }),
);

/** A comma list (`open,cancelled`) of the given values, at least one; a stored list is accepted too. */
export function commaList<const V extends readonly [string, ...string[]]>(values: V, options: { upperCase?: boolean; error?: string } = {}) {
  const item = z.string().trim();
  return z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter((s) => s.trim() !== '') : value),
    z.array((options.upperCase ? item.toUpperCase() : item.toLowerCase()).pipe(z.enum(values, { error: options.error ?? `must be one of ${values.join(', ')}` }))).min(1, 'must name at least one value'),
  );
}

/** Records per list request, with the system's own maximum. */
export const pageSize = (max: number, fallback = max) =>
  setting(z.coerce.number().int().min(1).max(max), { label: 'Page size', doc: `records per list request (at most ${max})`, default: fallback });

/** API calls per second for the credential, shared by every worker. */
export const rateLimitPerSecond = (perSecond: number) =>
  setting(z.coerce.number().min(0), { label: 'Calls per second', doc: 'API calls per second for this credential, shared by every worker (0: no limit)', default: perSecond });

/** Calls that may go at once before the per-second limit applies. */
export const rateLimitBurst = (burst: number) =>
  setting(z.coerce.number().int().min(1), { label: 'Burst', doc: 'calls that may go at once before the per-second limit applies', default: burst });

/** Settings every integration has, besides the connector's own. */
export const commonSettings = {
  environment: setting(z.enum(['production', 'test', 'sandbox']), { label: 'Environment', doc: 'production, test or sandbox (a local simulator)', default: 'production' }),
  baseUrl: setting(z.url(), { label: 'API root', doc: "the system's API root; defaults to the environment's address", adminOnly: true }),
  intervalMinutes: setting(z.coerce.number().int().min(1).max(1440), { label: 'Sync interval (minutes)', doc: 'minutes between scheduled runs of the pulling flows' }),
  overlapMinutes: setting(z.coerce.number().int().min(0).max(1440), {
    label: 'Overlap window (minutes)',
    doc: 'how far before the cursor each run re-reads, so nothing at the boundary is missed',
    default: 5,
  }),
} satisfies SettingSpecs;

export const definitionsOf = (specs: SettingSpecs): SettingDefinition[] => Object.entries(specs).map(([key, spec]) => ({ key, ...spec }));

/**
 * The parser of a connector's settings: defaults filled, every problem named, secrets never
 * echoed. `addressOnly` names settings that only fill the base URL template (a store name): with
 * an explicit `baseUrl` they are not needed.
 */
export function settingsParser<T extends SettingSpecs>(system: string, specs: T, addressOnly: readonly string[]) {
  const shape: Record<string, z.ZodType> = { baseUrl: z.string().min(1, 'is required'), environment: commonSettings.environment.schema.prefault('production') };
  for (const [key, spec] of Object.entries(specs)) {
    shape[key] = spec.default !== undefined ? spec.schema.prefault(spec.default) : spec.required && !addressOnly.includes(key) ? spec.schema : spec.schema.optional();
  }
  const schema = z.object(shape);
  const secretKeys = new Set(Object.entries(specs).filter(([, spec]) => spec.secret).map(([key]) => key));
  return (values: Record<string, unknown>): SettingsOf<T> => {
    const parsed = schema.safeParse(values);
    if (parsed.success) return parsed.data as SettingsOf<T>;
    const issues = toFieldIssues(`${system} settings`, values, parsed.error.issues).map(({ value, ...issue }) =>
      secretKeys.has(issue.field) || value === undefined ? issue : { ...issue, value },
    );
    throw configError(`the ${system} settings are not valid`, issues);
  };
}
