import type { ConnectorRegistry } from '../connectors/registry.js';
import { flowOf } from '../connectors/sdk/connector.js';
import type { FlowId } from '../connectors/sdk/flows.js';
import { createOutboundPolicy } from '../connectors/http/outbound.js';
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/logger.js';
import type { SecretBox } from '../kernel/secrets.js';
import type { Store } from '../store/database.js';
import type { WmsPort } from '../wms/port.js';
import { createAuditLog } from '../audit/audit-log.js';
import { createTenants } from '../tenants/goods-owners.js';
import type { TenantInput, WmsChange } from '../tenants/goods-owners.js';
import { createWmsResolver } from '../tenants/wms-resolver.js';
import { createOngoingWms } from '../wms/ongoing/ongoing-wms.js';
import type { OngoingClientDeps } from '../wms/ongoing/client.js';
import { createAuthorization } from './authorization.js';
import { createCursors } from './cursors.js';
import { apiContextFor } from './api-context.js';
import { createEngine } from './engine.js';
import { createFailures } from './failures.js';
import type { EngineDeps } from './flow-run.js';
import { createJobs } from './jobs.js';
import { createIntegrationStore } from './integrations.js';
import { createLeases, thisProcess } from './leases.js';
import { createLinks } from './links.js';
import { listReports, retryReports } from './outbox.js';
import { getRun, listRuns } from './runs.js';
import type { RunSummary } from './runs.js';
import { previewMapping } from './preview.js';
import { createSamples } from './samples.js';
import { integrationStatuses } from './status.js';
import { createScheduler } from './scheduler.js';
import { sharedRateLimiters } from './shared-rate-limits.js';
import type { SchedulerOptions } from './scheduler.js';

export interface SyncServiceDeps {
  store: Store;
  /** The embedded WMS; goods owners on another WMS get theirs from the resolver built here. */
  wms: WmsPort;
  registry: ConnectorRegistry;
  secrets: SecretBox;
  clock: Clock;
  logger: Logger;
  /** The hub's own address, where sandboxes are served. */
  hubUrl: () => string;
  /** Private addresses integrations may call anyway (`*`, IPs, CIDR ranges); none by default. */
  allowPrivateTargets?: string[];
  /** How long a flow's lease lasts unless renewed (WMSYNC_LEASE_MS). */
  leaseMs: number;
  /** Tests: the Ongoing adapters' transport and sleep. */
  ongoing?: Pick<OngoingClientDeps, 'fetch' | 'sleep' | 'failureLimit'>;
}

/** The sync engine and what surrounds it, wired once per process. */
export function createSyncServices(deps: SyncServiceDeps) {
  const { store, clock } = deps;
  const outbound = createOutboundPolicy({ allowPrivate: deps.allowPrivateTargets ?? [], trustedPrefixes: () => [`${deps.hubUrl()}/sandbox/`] });
  const audit = createAuditLog(store.db, clock);
  const integrations = createIntegrationStore({ db: store.db, registry: deps.registry, secrets: deps.secrets, clock, hubUrl: deps.hubUrl, outbound, audit });
  const tenants = createTenants({ db: store.db, clock, secrets: deps.secrets, checkUrl: (url, what) => outbound.checkUrl(url, what), audit });
  const wmsResolver = createWmsResolver({
    tenants,
    embedded: deps.wms,
    logger: deps.logger,
    remote: { ongoing: (tenant) => createOngoingWms(tenant, { clock, logger: deps.logger, outbound, ...deps.ongoing }) },
  });
  const engineDeps: EngineDeps = {
    db: store.db,
    wms: wmsResolver.routed(),
    registry: deps.registry,
    integrations,
    links: createLinks(store.db, clock),
    cursors: createCursors(store.db, clock),
    failures: createFailures(store.db, clock),
    samples: createSamples(store.db, clock),
    // In the database, not in this process: N workers on one credential share its one limit (ADR 0012).
    limiters: sharedRateLimiters({ db: store.db, dialect: store.dialect }),
    clock,
    logger: deps.logger,
    oauthRedirectUri: () => `${deps.hubUrl()}/oauth/callback`,
    outbound,
  };
  const leases = createLeases(store.db, clock, { holder: thisProcess(), leaseMs: deps.leaseMs });
  const engine = createEngine({ ...engineDeps, leases });
  const jobs = createJobs({ db: store.db, clock, leases, engine, integrations });
  /** Fetches the given failed records again (all of the flow's when none are named) and writes them. */
  const retryRecords = (integrationId: number, flow: string, externalIds?: string[]) =>
    jobs.run({ type: 'flow-run', integrationId, flow }, { trigger: 'retry', retryOnly: externalIds ?? 'all', waitMs: 30_000 });
  return {
    registry: deps.registry,
    tenants: {
      ...tenants,
      async changeWms(code: string, change: WmsChange) {
        const changed = await tenants.changeWms(code, change);
        wmsResolver.forget(code);
        return changed;
      },
    },
    wmsFor: wmsResolver.wmsFor,
    integrations,
    /** Who changed what (src/audit/): the API, the UI and the CLI read it; changes record themselves. */
    audit,
    engine,
    jobs,
    failures: engineDeps.failures,
    runs: { list: (filter?: Parameters<typeof listRuns>[1]) => listRuns(store.db, filter), get: (id: number) => getRun(store.db, id) },
    authorization: createAuthorization({ db: store.db, integrations, clock, redirectUri: engineDeps.oauthRedirectUri, outbound }),
    samples: engineDeps.samples,
    /** "Test connection" before saving: one cheap authenticated call with the given settings. */
    async testConnection(input: { system: string; settings?: Record<string, string>; secrets?: Record<string, string> }): Promise<void> {
      const { connector, resolved } = integrations.resolveDraft(input);
      const api = connector.createApi(apiContextFor(engineDeps, connector, resolved, { logger: deps.logger, saveTokens: async () => undefined, fallbackCredential: 'test' }));
      await connector.testConnection(api, AbortSignal.timeout(20_000));
    },
    /**
     * "Test connection" of a goods owner's WMS: a stored one by code (with a `change` not yet saved
     * applied), or a draft before it is saved (its settings checked as `add` checks them). The
     * embedded WMS needs no call.
     */
    async testWmsConnection(target: string | TenantInput, change?: WmsChange): Promise<void> {
      const tenant = typeof target !== 'string' ? tenants.draft(target) : change ? await tenants.draftChange(target, change) : await tenants.resolve(target);
      if (tenant.wms === 'embedded') return;
      await createOngoingWms(tenant, { clock, logger: deps.logger, outbound, ...deps.ongoing }).testConnection();
    },
    previewMapping: (integrationId: number, flow: string, overrides: unknown) => previewMapping(engineDeps, integrationId, flow, overrides),
    status: async (integrationId: number) => {
      const [status] = await integrationStatuses(store.db, clock, [await integrations.resolve(integrationId)]);
      return status!;
    },
    /** The status of many integrations at once (the integrations page). */
    statuses: async (ids: number[]) => integrationStatuses(store.db, clock, await Promise.all(ids.map((id) => integrations.resolve(id)))),
    retryRecords,
    /**
     * Retries what failed in one flow: the failed records of an import (all, or those named), by
     * fetching them again; the failed reports of a report flow, by queueing them again.
     */
    async retry(integrationId: number, flow: string, externalIds?: string[]): Promise<{ requeued: number } | { run: RunSummary }> {
      const { system } = await integrations.get(integrationId);
      if (flowOf(deps.registry.get(system), flow as FlowId)?.kind === 'report') return { requeued: await retryReports(engineDeps, integrationId, flow) };
      return { run: await retryRecords(integrationId, flow, externalIds) };
    },
    reports: (integrationId: number, filter?: Parameters<typeof listReports>[2]) => listReports(engineDeps, integrationId, filter),
    /** The integrations a goods owner's order came in through, with its id there and the reports sent back about it. */
    async orderSources(goodsOwner: string, orderNumber: string) {
      const links = await engineDeps.links.byWmsKey('order', orderNumber);
      const sources = await Promise.all(links.map(async (link) => ({ integration: await integrations.get(link.integrationId), externalId: link.externalId })));
      return Promise.all(
        sources.filter((s) => s.integration.goodsOwner === goodsOwner).map(async (s) => ({ ...s, reports: await listReports(engineDeps, s.integration.id, { subject: orderNumber, limit: 10 }) })),
      );
    },
    retryReports: (integrationId: number, flow?: string) => retryReports(engineDeps, integrationId, flow),
    createScheduler: (options: SchedulerOptions) => createScheduler({ ...engineDeps, leases, jobs }, options),
  };
}

export type SyncServices = ReturnType<typeof createSyncServices>;
