import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeConnector } from '../../src/connectors/describe.js';
import { createRegistry } from '../../src/connectors/registry.js';
import { testApiContext } from '../../src/connectors/sdk/index.js';
import type { Connector, FlowId, ImportFlow, ReportFlow } from '../../src/connectors/sdk/index.js';
import { serveSandbox } from '../../src/connectors/sandbox/serve.js';
import type { ServedSandbox } from '../../src/connectors/sandbox/serve.js';
import { testHub } from '../support/hub.js';
import { dialectsUnderTest, openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

/** What the contract needs to know of one connector besides what it declares. */
export interface ConnectorContractCase {
  connector: Connector<any>;
  /** Secrets the sandbox wants besides its declared credentials (Procountor's API key). */
  secrets?: Record<string, string>;
  /** The sandbox's record kind of each import flow, for its `malformed` fault. */
  malformedKinds: Partial<Record<FlowId, string>>;
  /** The canonical fields of the seed's tables, per flow: `describe` must show each. */
  seedFields: Partial<Record<FlowId, string[]>>;
  /** Makes a record the delivery report can act on, through the sandbox's control API; gives its external id. */
  reportable(control: ControlApi): Promise<string>;
}

export type ControlApi = (method: string, path: string, body?: unknown) => Promise<any>;

const signal = new AbortController().signal;

/**
 * The suite every connector passes against its own sandbox, on SQLite and PostgreSQL: the seed's
 * rows are described, imports are repeatable and move their cursor forward only, a malformed
 * record fails alone and is listed, records come back by id, 5xx and 429 are ridden out, and a
 * report's `isDone` tells whether the remote already shows it.
 */
export function connectorContract(c: ConnectorContractCase): void {
  const { connector } = c;
  const importFlows = connector.flows.filter((f): f is ImportFlow<unknown> => f.kind === 'import');

  describe.each(dialectsUnderTest())(`connector contract: ${connector.id} on %s`, (dialect) => {
    let store: TestStore;
    let served: ServedSandbox;
    let baseUrl: string;
    const control: ControlApi = async (method, path, body) => {
      const res = await fetch(`${served.origin}/_sandbox${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
      expect(res.status, `${method} /_sandbox${path}`).toBeLessThan(300);
      return res.status === 204 ? undefined : res.json();
    };
    const secrets = () => ({ ...connector.sandbox!.credentials, ...c.secrets });

    /** A fresh hub and integration over the one sandbox: each test starts with no links or cursors. */
    async function integration() {
      const hub = testHub(store, { registry: createRegistry([connector]) });
      const code = `G${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
      await hub.wms.addGoodsOwner({ code, name: code });
      const { id } = await hub.sync.integrations.add({ goodsOwner: code, system: connector.id, settings: { baseUrl }, secrets: secrets() });
      const run = (flow: FlowId) => hub.sync.engine.runFlow(id, flow, { trigger: 'manual' });
      const cursor = async (flow: FlowId) =>
        (await store.db.selectFrom('cursors').select('cursor').where('integration_id', '=', id).where('flow', '=', flow).executeTakeFirst())?.cursor;
      return { hub, id, run, cursor };
    }

    beforeAll(async () => {
      store = await openTestStore(dialect);
      served = await serveSandbox(connector.sandbox!.create({ seed: 11 }).fetch);
      baseUrl = `${served.origin}${connector.sandbox!.apiRoot}`;
    });
    afterAll(async () => {
      await served?.close();
      await store?.drop();
    });

    it("describes every row of the seed's tables", () => {
      const described = describeConnector(connector);
      for (const [flow, fields] of Object.entries(c.seedFields)) {
        const rows = described.flows.find((f) => f.flow === flow)?.mapping.map((r) => r.wms) ?? [];
        for (const field of fields ?? []) expect(rows, `${flow} ${field}`).toContain(field);
      }
    });

    it('imports every import flow; a second run changes nothing, and the cursor never moves back', async () => {
      const { run, cursor } = await integration();
      for (const flow of importFlows.filter((f) => f.enabledByDefault)) {
        const first = await run(flow.id);
        expect(first.status, flow.id).toBe('succeeded');
        expect(first.counts.created, flow.id).toBeGreaterThan(0);
        const after = await cursor(flow.id);
        const second = await run(flow.id);
        expect(second.counts, flow.id).toMatchObject({ created: 0, updated: 0, failed: 0 });
        const later = await cursor(flow.id);
        if (after !== undefined) expect(Date.parse(later!), flow.id).toBeGreaterThanOrEqual(Date.parse(after));
      }
    });

    it('fails a malformed record alone, lists it with its issues, and imports the rest', async () => {
      for (const [flow, kind] of Object.entries(c.malformedKinds) as [FlowId, string][]) {
        const { hub, id, run } = await integration();
        await control('POST', '/faults', { malformed: { [kind]: 1 } });
        try {
          const result = await run(flow);
          expect(result.status, flow).toBe('partial');
          expect(result.counts.failed, flow).toBeGreaterThanOrEqual(1);
          expect(result.counts.created, flow).toBeGreaterThan(0);
          const failures = await hub.sync.failures.list({ integrationId: id, flow });
          expect(failures.length, flow).toBe(result.counts.failed);
          expect(failures[0]!.issues.length, flow).toBeGreaterThan(0);
        } finally {
          await control('DELETE', '/faults');
        }
      }
    });

    it('gives back by id the records a page held', async () => {
      const api = connector.createApi(testApiContext({ settings: { baseUrl, ...secrets() }, fetch }));
      for (const flow of importFlows.filter((f) => f.fetchByIds)) {
        const pages = flow.fetch(api, { since: undefined, signal })[Symbol.asyncIterator]();
        const ids: string[] = [];
        while (ids.length === 0) {
          const page = await pages.next();
          if (page.done) break;
          ids.push(...page.value.records.filter((r) => !r.issues?.length).map((r) => r.externalId).slice(0, 3));
        }
        await pages.return?.();
        expect(ids.length, flow.id).toBeGreaterThan(0);
        const again = await flow.fetchByIds!(api, ids, signal);
        expect(again.map((r) => r.externalId).sort(), flow.id).toEqual(expect.arrayContaining(ids.sort()));
      }
    });

    it('rides out server errors and 429s with Retry-After on its reads and imports everything', async () => {
      const { run } = await integration();
      const flow = importFlows.find((f) => f.enabledByDefault)!;
      // The reads of the API: a token request that fails ends the run as transient, retried on the next tick.
      const reads = '^GET ';
      await control('POST', '/faults', { serverError: { next: 2, match: reads }, tooManyRequests: { next: 2, retryAfterSeconds: 0, match: reads } });
      try {
        const result = await run(flow.id);
        expect(result.status).toBe('succeeded');
        expect(result.counts.created).toBeGreaterThan(0);
        const { counters } = await control('GET', '/faults');
        expect(counters).toMatchObject({ serverError: 2, tooManyRequests: 2 });
      } finally {
        await control('DELETE', '/faults');
      }
    }, 30_000);

    it("says a report is done only once the remote shows it, so a resend after an unknown outcome is skipped", async () => {
      const report = connector.flows.find((f): f is ReportFlow<unknown, 'delivery-report'> => f.id === 'delivery-report');
      expect(report, 'a delivery report').toBeDefined();
      const api = connector.createApi(testApiContext({ settings: { baseUrl, ...secrets() }, fetch }));
      const externalId = await c.reportable(control);
      const payload = { orderNumber: externalId, status: 450, shipment: { waybill: 'JJFI6400001', sentAt: new Date().toISOString() }, lines: [] };
      expect(await report!.isDone(api, { externalId, payload }, signal)).toBe(false);
      await report!.send(api, { externalId, payload }, signal);
      expect(await report!.isDone(api, { externalId, payload }, signal)).toBe(true);
    });
  });
}
