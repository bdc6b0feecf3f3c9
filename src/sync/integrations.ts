import { z } from 'zod';
import type { Kysely, Updateable } from 'kysely';
import type { Connector, Environment } from '../connectors/sdk/connector.js';
import { flowIds } from '../connectors/sdk/flows.js';
import type { FlowId } from '../connectors/sdk/flows.js';
import type { ConnectorRegistry } from '../connectors/registry.js';
import { applyOverrides, mappingOverrideSchema } from '../mapping/index.js';
import type { MappingOverride } from '../mapping/index.js';
import type { Clock } from '../kernel/clock.js';
import { issueReason } from '../domain/index.js';
import { configError, notFound, recordError } from '../kernel/errors.js';
import type { FieldIssue } from '../kernel/errors.js';
import type { SecretBox } from '../kernel/secrets.js';
import type { OutboundPolicy } from '../connectors/http/outbound.js';
import { shopPath } from '../connectors/sandbox/shops.js';
import type { Database } from '../store/tables.js';
import type { TokenSet } from '../connectors/oauth/oauth-client.js';
import { tokenSecrets } from '../connectors/oauth/token-session.js';
import { diffValues } from '../audit/audit-log.js';
import type { AuditLog } from '../audit/audit-log.js';

/** An integration as shown to users: secrets only as the names of those that are set. */
export interface IntegrationView {
  id: number;
  goodsOwner: string;
  system: string;
  name: string;
  environment: Environment;
  settings: Record<string, unknown>;
  secretsSet: string[];
  flows: { flow: FlowId; enabled: boolean }[];
  mappingOverrides: Partial<Record<FlowId, MappingOverride[]>>;
  paused: boolean;
  createdAt: string;
  updatedAt: string;
  /** How the values given were taken, when not as given (a secret given with --set). */
  hints?: string[];
}

/** Everything the engine needs to run an integration, secrets decrypted. Never leaves the process. */
/** Said once, when an integration is added or changed: how the values were taken (a secret given with --set). */
const withHints = (integration: IntegrationView, hints: string[]): IntegrationView => (hints.length ? { ...integration, hints } : integration);

export interface ResolvedIntegration extends IntegrationView {
  goodsOwnerId: number;
  connector: Connector<any>;
  /** Defaults, then stored settings, then secrets; `baseUrl` filled for the environment. */
  resolved: Record<string, unknown>;
  intervalMinutes: number;
  overlapMinutes: number;
}

export interface IntegrationChange {
  name?: string;
  settings?: Record<string, string>;
  secrets?: Record<string, string>;
}

const parseJson = <T>(text: string): T => JSON.parse(text) as T;

export function createIntegrationStore(deps: { db: Kysely<Database>; registry: ConnectorRegistry; secrets: SecretBox; clock: Clock; hubUrl: () => string; outbound: OutboundPolicy; audit: AuditLog }) {
  const { db, registry, secrets, clock, hubUrl, outbound, audit } = deps;
  /** Audits a change of integration `v` (secrets by name only). */
  const audited = (v: IntegrationView, kind: 'integration' | 'setting' | 'mapping', action: string, changes: Parameters<AuditLog['recordChange']>[0]['changes']) =>
    audit.recordChange({ kind, record: `integration ${v.id}`, goodsOwner: v.goodsOwner, action, ...(changes ? { changes } : {}) });

  const definitions = (connector: Connector<any>) => connector.settings;

  /** Validates `key=value` settings against the connector's definitions; every problem is named. */
  function checkSettings(connector: Connector<any>, values: Record<string, string>, secret: boolean, record: string) {
    const out: Record<string, unknown> = {};
    const issues: FieldIssue[] = [];
    for (const [key, raw] of Object.entries(values)) {
      const def = definitions(connector).find((d) => d.key === key);
      if (!def) {
        const known = definitions(connector).map((d) => d.key).join(', ');
        issues.push({ record, field: key, value: raw, reason: `is not a setting of ${connector.displayName}; known: ${known}` });
        continue;
      }
      const parsed = def.schema.safeParse(raw);
      const refused = parsed.success && key === 'baseUrl' ? outboundRefusal(String(parsed.data)) : undefined;
      if (!parsed.success) issues.push({ record, field: key, ...(secret ? {} : { value: raw }), reason: parsed.error.issues[0] ? issueReason(parsed.error.issues[0]) : 'is invalid' });
      else if (refused) issues.push({ record, field: key, value: raw, reason: refused });
      else out[key] = parsed.data;
    }
    if (issues.length) throw recordError(record, issues);
    return out;
  }

  /**
   * Puts each value where its definition says it belongs. A secret given as a plain setting (or a
   * public value as a secret) is taken, where it belongs, with a hint: the intent is plain, and
   * refusing would only make the user type the secret once more.
   */
  function sortValues(connector: Connector<any>, given: { settings?: Record<string, string>; secrets?: Record<string, string> }) {
    const sorted = { settings: {} as Record<string, string>, secrets: {} as Record<string, string> };
    const hints: string[] = [];
    for (const from of ['settings', 'secrets'] as const) {
      for (const [key, value] of Object.entries(given[from] ?? {})) {
        const def = definitions(connector).find((d) => d.key === key);
        const to = def === undefined ? from : def.secret ? 'secrets' : 'settings';
        if (to !== from) {
          hints.push(
            to === 'secrets'
              ? `${key} is a secret: it is stored encrypted; give it with --secret next time (a --set value is shown in lists and may stay in your shell history)`
              : `${key} is not a secret: it is stored as a setting; give it with --set next time`,
          );
        }
        sorted[to][key] = value;
      }
    }
    return { ...sorted, hints };
  }

  /** Why the hub will not call this address, if it will not; said when the setting is saved, not at the first run. */
  function outboundRefusal(url: string): string | undefined {
    try {
      outbound.checkUrl(url, 'the host');
      return undefined;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }

  async function row(id: number) {
    const r = await db
      .selectFrom('integrations')
      .innerJoin('goods_owners', 'goods_owners.id', 'integrations.goods_owner_id')
      .selectAll('integrations')
      .select('goods_owners.code as goods_owner')
      .where('integrations.id', '=', id)
      .executeTakeFirst();
    if (!r) throw notFound(`integration ${id}`);
    return r;
  }

  function view(r: Awaited<ReturnType<typeof row>>): IntegrationView {
    const connector = registry.get(r.system);
    const settings = parseJson<Record<string, unknown>>(r.settings);
    const toggles = parseJson<Partial<Record<FlowId, boolean>>>(r.flows);
    return {
      id: Number(r.id),
      goodsOwner: r.goods_owner,
      system: r.system,
      name: r.name,
      environment: (settings.environment as Environment | undefined) ?? 'production',
      settings,
      secretsSet: Object.keys(parseJson<Record<string, string>>(secrets.open(r.secrets))).sort(),
      flows: connector.flows.map((f) => ({ flow: f.id, enabled: toggles[f.id] ?? f.enabledByDefault })),
      mappingOverrides: parseJson(r.mapping_overrides),
      paused: r.paused === 1,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  /** Defaults, then the sandbox's credentials, then settings and secrets; the address for the environment
   * (in the sandbox, integration `id`'s own shop; the default shop for a draft without an id). */
  function resolveSettings(connector: Connector<any>, environment: Environment, settings: Record<string, unknown>, secretValues: Record<string, unknown>, id?: number) {
    const defaults = Object.fromEntries(definitions(connector).filter((d) => 'default' in d && d.default !== undefined).map((d) => [d.key, (d as { default: unknown }).default]));
    // A sandbox integration talks to the simulator the hub serves, with its credentials unless given.
    const sandbox = environment === 'sandbox' ? connector.sandbox : undefined;
    const resolved: Record<string, unknown> = { ...defaults, ...sandbox?.credentials, ...settings, ...secretValues };
    resolved.baseUrl ??= sandbox ? `${hubUrl()}/sandbox/${connector.id}${shopPath(id)}${sandbox.apiRoot}` : baseUrlFor(connector, environment, resolved);
    return resolved;
  }

  function resolve(r: Awaited<ReturnType<typeof row>>): ResolvedIntegration {
    const v = view(r);
    const connector = registry.get(r.system);
    const resolved = resolveSettings(connector, v.environment, v.settings, parseJson<Record<string, string>>(secrets.open(r.secrets)), v.id);
    return {
      ...v,
      goodsOwnerId: Number(r.goods_owner_id),
      connector,
      resolved,
      intervalMinutes: Number(resolved.intervalMinutes ?? connector.defaultIntervalMinutes),
      overlapMinutes: Number(resolved.overlapMinutes ?? 5),
    };
  }

  async function write(id: number, values: Updateable<Database['integrations']>) {
    await db.updateTable('integrations').set({ ...values, updated_at: clock.now().toISOString() }).where('id', '=', id).execute();
  }

  return {
    async add(input: { goodsOwner: string; system: string; name?: string; settings?: Record<string, string>; secrets?: Record<string, string> }): Promise<IntegrationView> {
      const connector = registry.get(input.system);
      const record = `new ${connector.displayName} integration`;
      const owner = await db.selectFrom('goods_owners').select('id').where('code', '=', input.goodsOwner).executeTakeFirst();
      if (!owner) throw notFound(`goods owner ${input.goodsOwner}`);
      const given = sortValues(connector, input);
      const settings = checkSettings(connector, given.settings, false, record);
      const secretValues = checkSettings(connector, given.secrets, true, record);
      const environment = (settings.environment as Environment | undefined) ?? 'production';
      if (environment === 'sandbox' && !connector.sandbox) throw configError(`${connector.displayName} has no sandbox yet`);
      // The sandbox brings its own address and credentials, so nothing is required there.
      // A setting that only fills in the default address is not needed when the address is given.
      const onlyForAddress = (key: string) => settings.baseUrl !== undefined && Object.values(connector.baseUrls).some((t) => t?.includes(`{${key}}`));
      const missing =
        environment === 'sandbox'
          ? []
          : connector.settings.filter((d) => d.required && settings[d.key] === undefined && secretValues[d.key] === undefined && !onlyForAddress(d.key));
      if (missing.length) {
        throw recordError(record, missing.map((d) => ({ record, field: d.key, reason: `is required (${d.doc}); give it with ${d.secret ? '--secret' : '--set'} ${d.key}=…` })));
      }
      const now = clock.now().toISOString();
      const inserted = await db
        .insertInto('integrations')
        .values({
          goods_owner_id: owner.id,
          system: connector.id,
          name: input.name ?? `${connector.displayName} ${input.goodsOwner}`,
          settings: JSON.stringify(settings),
          secrets: secrets.seal(JSON.stringify(secretValues)),
          flows: '{}',
          mapping_overrides: '{}',
          paused: 0,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const created = view(await row(Number(inserted.id)));
      await audited(created, 'integration', 'created', { system: connector.id, name: created.name, ...diffValues({}, settings), secrets: Object.keys(secretValues) });
      return withHints(created, given.hints);
    },

    async list(filter: { goodsOwner?: string; system?: string } = {}): Promise<IntegrationView[]> {
      const rows = await db
        .selectFrom('integrations')
        .innerJoin('goods_owners', 'goods_owners.id', 'integrations.goods_owner_id')
        .selectAll('integrations')
        .select('goods_owners.code as goods_owner')
        .$if(filter.goodsOwner !== undefined, (q) => q.where('goods_owners.code', '=', filter.goodsOwner!))
        .$if(filter.system !== undefined, (q) => q.where('integrations.system', '=', filter.system!))
        .orderBy('integrations.id')
        .execute();
      return rows.map(view);
    },

    get: async (id: number): Promise<IntegrationView> => view(await row(id)),
    /** Settings as a run would see them, for an integration not saved yet ("test connection"). */
    resolveDraft(input: { system: string; settings?: Record<string, string>; secrets?: Record<string, string> }): { connector: Connector<any>; resolved: Record<string, unknown> } {
      const connector = registry.get(input.system);
      const record = `new ${connector.displayName} integration`;
      const given = sortValues(connector, input);
      const settings = checkSettings(connector, given.settings, false, record);
      const secretValues = checkSettings(connector, given.secrets, true, record);
      return { connector, resolved: resolveSettings(connector, (settings.environment as Environment | undefined) ?? 'production', settings, secretValues) };
    },
    resolve: async (id: number): Promise<ResolvedIntegration> => resolve(await row(id)),

    /** Changes settings and secrets (an empty value resets one); cursors, links and runs stay as they are. */
    async update(id: number, change: IntegrationChange): Promise<IntegrationView> {
      const r = await row(id);
      const connector = registry.get(r.system);
      const record = `integration ${id}`;
      // An empty value takes a setting back to its default (or removes a secret).
      const cleared = (values: Record<string, string>) => Object.keys(values).filter((k) => values[k] === '');
      const given = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
      const without = <T extends Record<string, unknown>>(values: T, keys: string[]) => Object.fromEntries(Object.entries(values).filter(([k]) => !keys.includes(k)));
      const sorted = sortValues(connector, change);
      const settings = without({ ...parseJson<Record<string, unknown>>(r.settings), ...checkSettings(connector, given(sorted.settings), false, record) }, cleared(sorted.settings));
      const secretValues = without({ ...parseJson<Record<string, string>>(secrets.open(r.secrets)), ...checkSettings(connector, given(sorted.secrets), true, record) }, cleared(sorted.secrets));
      await write(id, { ...(change.name ? { name: change.name } : {}), settings: JSON.stringify(settings), secrets: secrets.seal(JSON.stringify(secretValues)) });
      const before = view(r);
      const after = view(await row(id));
      const secretsChanged = Object.keys(sorted.secrets).sort();
      const changes = { ...diffValues({ name: before.name, ...before.settings }, { name: after.name, ...after.settings }), ...(secretsChanged.length ? { secrets: secretsChanged } : {}) };
      if (Object.keys(changes).length) await audited(after, 'setting', 'settings changed', changes);
      return withHints(after, sorted.hints);
    },

    async setFlowEnabled(id: number, flow: string, enabled: boolean): Promise<IntegrationView> {
      const r = await row(id);
      const connector = registry.get(r.system);
      if (!connector.flows.some((f) => f.id === flow)) {
        const known = connector.flows.map((f) => f.id).join(', ');
        throw recordError(`integration ${id}`, [{ record: `integration ${id}`, field: 'flow', value: flow, reason: `${connector.displayName} has no such flow; known: ${known}` }]);
      }
      await write(id, { flows: JSON.stringify({ ...parseJson<Record<string, boolean>>(r.flows), [flow]: enabled }) });
      const after = view(await row(id));
      await audited(after, 'integration', enabled ? 'flow enabled' : 'flow disabled', { flow });
      return after;
    },

    /** Stores OAuth tokens among the secrets; they are not user settings, so they bypass the checks. */
    async saveTokens(id: number, tokens: TokenSet): Promise<void> {
      const r = await row(id);
      const current = parseJson<Record<string, string>>(secrets.open(r.secrets));
      await write(id, { secrets: secrets.seal(JSON.stringify({ ...current, ...tokenSecrets(tokens) })) });
    },

    async setPaused(id: number, paused: boolean): Promise<IntegrationView> {
      await row(id);
      await write(id, { paused: paused ? 1 : 0 });
      const after = view(await row(id));
      await audited(after, 'integration', paused ? 'paused' : 'resumed', undefined);
      return after;
    },

    /** Replaces one flow's overrides after checking them against the flow's table. */
    async setMappingOverrides(id: number, flow: FlowId, overrides: unknown): Promise<IntegrationView> {
      const r = await row(id);
      const f = registry.get(r.system).flows.find((x) => x.id === flow);
      if (!f || f.kind !== 'import') throw configError(`flow ${flow} of ${r.system} has no mapping table to override`);
      const checked = applyOverrides(f.mapping, overrides);
      if (!checked.ok) throw recordError(`mapping of ${flow}`, checked.error);
      const parsed = z.array(mappingOverrideSchema).parse(overrides);
      await write(id, { mapping_overrides: JSON.stringify({ ...parseJson<Record<string, unknown>>(r.mapping_overrides), [flow]: parsed }) });
      const after = view(await row(id));
      await audited(after, 'mapping', 'mapping overrides set', { [flow]: { from: view(r).mappingOverrides[flow] ?? [], to: parsed } });
      return after;
    },
  };
}

export type IntegrationStore = ReturnType<typeof createIntegrationStore>;

export const isFlowId = (s: string): s is FlowId => (flowIds as readonly string[]).includes(s);

/** The API root for an environment, with `{setting}` placeholders filled. */
function baseUrlFor(connector: Connector<any>, environment: Environment, settings: Record<string, unknown>): string {
  const template = connector.baseUrls[environment] ?? connector.baseUrls.production;
  if (!template) throw configError(`${connector.displayName} has no ${environment} address; set baseUrl`);
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = settings[key];
    if (v === undefined || v === '') throw configError(`the ${environment} address of ${connector.displayName} needs the setting ${key}`);
    return encodeURIComponent(String(v));
  });
}
