import type { Kysely, Selectable } from 'kysely';
import { defaultStatusRules, goodsOwnerInputSchema, parseRecord, statusRulesSchema } from '../domain/index.js';
import type { GoodsOwner, GoodsOwnerInput, GoodsOwnerRules } from '../domain/index.js';
import type { Clock } from '../kernel/clock.js';
import { configError, conflict, notFound, recordError } from '../kernel/errors.js';
import type { SecretBox } from '../kernel/secrets.js';
import type { Database, GoodsOwnersTable } from '../store/tables.js';
import { diffValues } from '../audit/audit-log.js';
import type { AuditLog } from '../audit/audit-log.js';
import { isWmsKind, wmsKinds } from './wms-kinds.js';
import type { WmsKind } from './wms-kinds.js';
import { checkWmsSettings } from './wms-settings.js';

/** A goods owner as the hub shows it: which WMS holds its records; its credentials only by name. */
export interface Tenant extends GoodsOwner {
  wms: WmsKind;
  wmsSettings: Record<string, unknown>;
  wmsSecretsSet: string[];
}

/** A goods owner with its WMS credentials decrypted: what builds its WMS adapter. Never leaves the process. */
export interface ResolvedTenant extends Tenant {
  id: number;
  wmsSecrets: Record<string, unknown>;
}

export interface TenantInput extends GoodsOwnerInput, WmsChange {
  wms?: string;
}

/** A change of a goods owner's WMS settings: an empty setting is unset (its default applies); an empty or absent secret keeps the stored one. */
export interface WmsChange {
  settings?: Record<string, string>;
  secrets?: Record<string, string>;
}

/** The values given, an empty one as not given. */
const given = (values: Record<string, string> = {}) => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
/** Stored values as the text they were given as, to be checked again with a change. */
const asText = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));

type Row = Selectable<GoodsOwnersTable>;

/**
 * The goods owners, owned by the hub (not by a WMS): their codes and names, status rules, and the
 * WMS each one uses with its settings. Credentials are sealed with the same box as integrations'.
 * Without a secret box (the embedded WMS's own aliases) only embedded goods owners can be added.
 */
export function createTenants(deps: {
  db: Kysely<Database>;
  clock: Clock;
  secrets?: SecretBox;
  /** The hub's outbound rule, applied to a WMS address when it is saved (ADR 0008), not at the first call. */
  checkUrl?: (url: string, what?: string) => void;
  /** Where additions and renames are recorded (the hub's surfaces); the embedded WMS's own aliases record nothing. */
  audit?: AuditLog;
}) {
  const { db, clock } = deps;

  const open = (row: Row): Record<string, unknown> => {
    if (row.wms_secrets === null) return {};
    if (!deps.secrets) throw configError(`goods owner ${row.code}'s WMS credentials need the secret key`);
    return JSON.parse(deps.secrets.open(row.wms_secrets)) as Record<string, unknown>;
  };
  const seal = (record: string, secrets: Record<string, unknown>): string | null => {
    if (Object.keys(secrets).length === 0) return null;
    if (!deps.secrets) throw configError(`${record}'s WMS credentials need the secret key`);
    return deps.secrets.seal(JSON.stringify(secrets));
  };
  const view = (row: Row): Tenant => ({
    code: row.code,
    name: row.name,
    statusRules: statusRulesSchema.parse(JSON.parse(row.status_rules)),
    allowNegativeStock: Number(row.allow_negative_stock) === 1,
    createdAt: row.created_at,
    wms: isWmsKind(row.wms) ? row.wms : 'embedded',
    wmsSettings: JSON.parse(row.wms_settings) as Record<string, unknown>,
    wmsSecretsSet: row.wms_secrets === null || !deps.secrets ? [] : Object.keys(open(row)).sort(),
  });
  async function row(code: string): Promise<Row> {
    const r = await db.selectFrom('goods_owners').selectAll().where('code', '=', code).executeTakeFirst();
    if (!r) throw notFound(`goods owner ${code}`);
    return r as Row;
  }

  /** A WMS's settings checked against its definitions, and its address against the outbound rule. */
  function checkWms(record: string, wms: WmsKind, values: WmsChange) {
    const checked = checkWmsSettings(wms, { settings: given(values.settings), secrets: given(values.secrets) }, record);
    const baseUrl = checked.settings.baseUrl;
    if (typeof baseUrl === 'string' && deps.checkUrl) {
      try {
        deps.checkUrl(baseUrl, 'the host');
      } catch (e) {
        throw recordError(record, [{ record, field: 'baseUrl', value: baseUrl, reason: e instanceof Error ? e.message : String(e) }]);
      }
    }
    return checked;
  }

  /** The input checked: the goods owner's code and name, the WMS kind, and its settings against that WMS's definitions. */
  function check(input: TenantInput) {
    const { wms = 'embedded', settings, secrets, ...owner } = input;
    const checkedOwner = parseRecord(goodsOwnerInputSchema, `goods owner ${owner.code ?? ''}`.trim(), owner);
    const record = `goods owner ${checkedOwner.code}`;
    if (!isWmsKind(wms)) throw recordError(record, [{ record, field: 'wms', value: wms, reason: `is not a WMS wmsync knows; known: ${Object.keys(wmsKinds).join(', ')}` }]);
    return { checkedOwner, record, wms, checked: checkWms(record, wms, { settings, secrets }) };
  }

  /** A stored goods owner with a change applied, checked as a whole (the WMS stays): what `changeWms` would save. */
  function withChange(r: Row, change: WmsChange) {
    const tenant = view(r);
    const checked = checkWms(`goods owner ${r.code}`, tenant.wms, {
      settings: { ...asText(tenant.wmsSettings), ...change.settings },
      secrets: { ...asText(open(r)), ...given(change.secrets) },
    });
    return { before: tenant, checked };
  }

  return {
    /** A goods owner not yet saved, as `resolve` would give it: for "Test connection" before `add`. */
    draft(input: TenantInput): ResolvedTenant {
      const { checkedOwner, wms, checked } = check(input);
      return {
        ...checkedOwner,
        id: 0,
        statusRules: defaultStatusRules,
        allowNegativeStock: false,
        createdAt: clock.now().toISOString(),
        wms,
        wmsSettings: checked.settings,
        wmsSecretsSet: Object.keys(checked.secrets).sort(),
        wmsSecrets: checked.secrets,
      };
    },
    async add(input: TenantInput): Promise<Tenant> {
      const { checkedOwner, record, wms, checked } = check(input);
      const sealed = seal(record, checked.secrets);
      const existing = await db.selectFrom('goods_owners').select('id').where('code', '=', checkedOwner.code).executeTakeFirst();
      if (existing) throw conflict(`goods owner ${checkedOwner.code} already exists`);
      const inserted = await db
        .insertInto('goods_owners')
        .values({
          code: checkedOwner.code,
          name: checkedOwner.name,
          status_rules: JSON.stringify(defaultStatusRules),
          created_at: clock.now().toISOString(),
          wms,
          wms_settings: JSON.stringify(checked.settings),
          wms_secrets: sealed,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await deps.audit?.recordChange({ kind: 'goods owner', record, goodsOwner: checkedOwner.code, action: 'created', changes: { name: { to: checkedOwner.name }, wms: { to: wms } } });
      return view(inserted as Row);
    },
    async list(): Promise<Tenant[]> {
      const rows = await db.selectFrom('goods_owners').selectAll().orderBy('code').execute();
      return rows.map((r) => view(r as Row));
    },
    get: async (code: string): Promise<Tenant> => view(await row(code)),
    /** Changes a goods owner's warehouse rules; rules not named stay as they are. */
    async setRules(code: string, rules: GoodsOwnerRules): Promise<Tenant> {
      const before = await row(code);
      if (rules.allowNegativeStock !== undefined) {
        await db.updateTable('goods_owners').set({ allow_negative_stock: rules.allowNegativeStock ? 1 : 0 }).where('id', '=', before.id).execute();
      }
      const after = await row(code);
      if (after.allow_negative_stock !== before.allow_negative_stock) {
        await deps.audit?.recordChange({ kind: 'goods owner', record: `goods owner ${code}`, goodsOwner: code, action: 'rules changed', changes: { allowNegativeStock: { from: before.allow_negative_stock === 1, to: after.allow_negative_stock === 1 } } });
      }
      return view(after);
    },
    /** Changes the company name; the code, which records are keyed by, stays. */
    async rename(code: string, name: string): Promise<Tenant> {
      const r = await row(code);
      const checked = parseRecord(goodsOwnerInputSchema, `goods owner ${code}`, { code: r.code, name });
      await db.updateTable('goods_owners').set({ name: checked.name }).where('id', '=', r.id).execute();
      if (r.name !== checked.name) await deps.audit?.recordChange({ kind: 'goods owner', record: `goods owner ${code}`, goodsOwner: code, action: 'renamed', changes: { name: { from: r.name, to: checked.name } } });
      return view({ ...r, name: checked.name });
    },
    /** A stored goods owner as `changeWms` would leave it: for "Test connection" before saving the change. */
    async draftChange(code: string, change: WmsChange): Promise<ResolvedTenant> {
      const r = await row(code);
      const { before, checked } = withChange(r, change);
      return { ...before, id: Number(r.id), wmsSettings: checked.settings, wmsSecretsSet: Object.keys(checked.secrets).sort(), wmsSecrets: checked.secrets };
    },
    /** Changes the settings of a goods owner's WMS (not which WMS: its records are there); secrets are audited by name only. */
    async changeWms(code: string, change: WmsChange): Promise<Tenant> {
      const r = await row(code);
      const { before, checked } = withChange(r, change);
      await db.updateTable('goods_owners').set({ wms_settings: JSON.stringify(checked.settings), wms_secrets: seal(`goods owner ${code}`, checked.secrets) }).where('id', '=', r.id).execute();
      const secretsTyped = Object.keys(given(change.secrets)).sort();
      const changes = { ...diffValues(before.wmsSettings, checked.settings), ...(secretsTyped.length ? { secrets: secretsTyped } : {}) };
      if (Object.keys(changes).length) await deps.audit?.recordChange({ kind: 'goods owner', record: `goods owner ${code}`, goodsOwner: code, action: 'WMS settings changed', changes });
      return view(await row(code));
    },
    async resolve(code: string): Promise<ResolvedTenant> {
      const r = await row(code);
      return { ...view(r), id: Number(r.id), wmsSecrets: open(r) };
    },
  };
}

export type Tenants = ReturnType<typeof createTenants>;

