import { createRoute, z } from '@hono/zod-openapi';
import { describeConnector } from '../../connectors/describe.js';
import type { SyncServices } from '../../sync/services.js';
import { mayAccess } from '../../access/users.js';
import { recordError } from '../../kernel/errors.js';
import { principalOf, requireOwner, requireSettingRights } from '../access.js';
import { recordIdParam } from '../record-access.js';
import { newestFirstPage, pageAfter, pageByKey, wholeList } from '../../kernel/pages.js';
import { failureKey } from '../../sync/failures.js';
import { errorResponses, json, listQuery, listShape, routeGroup } from './shared.js';

const idParam = z.object({ id: recordIdParam });
const flowParam = idParam.extend({ flow: z.string().min(1).openapi({ param: { name: 'flow', in: 'path' }, example: 'order-import' }) });
const anyJson = z.record(z.string(), z.unknown());
const integrationView = anyJson.openapi('Integration');
const runSummary = anyJson.openapi('Run');

/** A list's `after` that is an id: the `next` value of the previous page. */
const idCursor = z.string().regex(/^[1-9]\d{0,15}$/, 'is not an id').transform(Number).optional().openapi({ description: 'the `next` value of the previous page' });

/** Paging of a newest-first list: older ones follow `after`. */
const olderThanQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).optional(), after: idCursor });

const addBody = z
  .strictObject({
    goodsOwner: z.string().min(1),
    system: z.string().min(1),
    name: z.string().optional(),
    settings: z.record(z.string(), z.coerce.string()).optional(),
    secrets: z.record(z.string(), z.string()).optional(),
  })
  .openapi('NewIntegration');
const changeBody = z
  .strictObject({ name: z.string().optional(), settings: z.record(z.string(), z.coerce.string()).optional(), secrets: z.record(z.string(), z.string()).optional() })
  .openapi('IntegrationChange');

/** Connectors, integrations, runs: everything `wmsync connectors|integrations|sync|runs` does. */
export function integrationRoutes({ sync }: { sync: SyncServices }) {
  const app = routeGroup();
  const route = <R extends Parameters<typeof createRoute>[0]>(r: R) => createRoute({ ...r, responses: { ...errorResponses, ...r.responses } });

  app.openapi(route({ method: 'get', path: '/connectors', tags: ['connectors'], responses: { 200: json(listShape(anyJson), 'Every system with its flows, settings and mappings') } }), (c) =>
    c.json(wholeList(sync.registry.list().map((x) => describeConnector(x))) as never, 200),
  );
  app.openapi(
    route({ method: 'get', path: '/connectors/{system}', tags: ['connectors'], request: { params: z.object({ system: z.string() }) }, responses: { 200: json(anyJson, 'One system') } }),
    (c) => c.json(describeConnector(sync.registry.get(c.req.valid('param').system)) as never, 200),
  );

  app.openapi(
    route({
      method: 'get',
      path: '/integrations',
      tags: ['integrations'],
      request: { query: listQuery.extend({ goodsOwner: z.string().optional(), system: z.string().optional(), after: idCursor }) },
      responses: { 200: json(listShape(integrationView), 'Integrations, in id order') },
    }),
    async (c) => {
      const { goodsOwner, system, limit, after } = c.req.valid('query');
      const list = await sync.integrations.list({ ...(goodsOwner ? { goodsOwner } : {}), ...(system ? { system } : {}) });
      const visible = list.filter((i) => mayAccess(principalOf(c), i.goodsOwner)).sort((a, b) => a.id - b.id);
      return c.json(pageAfter(visible, (i) => i.id, { limit: limit ?? 100, after: after === undefined ? undefined : String(after) }) as never, 200);
    },
  );
  app.openapi(route({ method: 'post', path: '/integrations', tags: ['integrations'], request: { body: json(addBody, 'The new integration; secrets are stored encrypted and never returned') }, responses: { 201: json(integrationView, 'Created') } }), async (c) => {
    const body = c.req.valid('json');
    requireOwner(c, body.goodsOwner);
    requireSettingRights(c, sync.registry.get(body.system), body.settings);
    return c.json((await sync.integrations.add(c.req.valid('json'))) as never, 201);
  });
  app.openapi(
    route({
      method: 'post',
      path: '/integrations/test-connection',
      tags: ['integrations'],
      summary: 'Try credentials before saving them',
      request: { body: json(addBody.omit({ name: true }).partial({ goodsOwner: true }), 'System, settings and secrets; the goods owner they are for (required for a goods-owner user)') },
      responses: { 200: json(z.object({ ok: z.literal(true) }), 'The system accepted them') },
    }),
    async (c) => {
      const { goodsOwner, ...draft } = c.req.valid('json');
      // What the remote answers reaches only its goods owner's users, as the saved integration's runs would.
      if (goodsOwner !== undefined) requireOwner(c, goodsOwner);
      else if (principalOf(c).role !== 'admin') throw recordError('connection test', [{ record: 'connection test', field: 'goodsOwner', reason: 'is required: the goods owner these credentials are for' }]);
      requireSettingRights(c, sync.registry.get(draft.system), draft.settings);
      await sync.testConnection(draft);
      return c.json({ ok: true as const }, 200);
    },
  );
  app.openapi(route({ method: 'get', path: '/integrations/{id}', tags: ['integrations'], request: { params: idParam }, responses: { 200: json(integrationView, 'One integration') } }), async (c) =>
    c.json((await sync.integrations.get(c.req.valid('param').id)) as never, 200),
  );
  app.openapi(
    route({ method: 'patch', path: '/integrations/{id}', tags: ['integrations'], request: { params: idParam, body: json(changeBody, 'Changed settings; cursors and links are kept') }, responses: { 200: json(integrationView, 'After the change') } }),
    async (c) => {
      const { id } = c.req.valid('param');
      requireSettingRights(c, sync.registry.get((await sync.integrations.get(id)).system), c.req.valid('json').settings);
      return c.json((await sync.integrations.update(id, c.req.valid('json'))) as never, 200);
    },
  );
  app.openapi(
    route({ method: 'get', path: '/integrations/{id}/mapping', tags: ['integrations'], request: { params: idParam }, responses: { 200: json(anyJson, 'The mapping tables as this integration runs them') } }),
    async (c) => {
      const integration = await sync.integrations.get(c.req.valid('param').id);
      return c.json(describeConnector(sync.registry.get(integration.system), integration) as never, 200);
    },
  );
  app.openapi(
    route({ method: 'put', path: '/integrations/{id}/flows/{flow}/mapping-overrides', tags: ['integrations'], request: { params: flowParam, body: json(z.array(anyJson), 'Overrides: {op: replace|add|drop, wms, from}') }, responses: { 200: json(integrationView, 'After the change') } }),
    async (c) => {
      const { id, flow } = c.req.valid('param');
      return c.json((await sync.integrations.setMappingOverrides(id, flow as never, c.req.valid('json'))) as never, 200);
    },
  );
  for (const [verb, enabled] of [['enable', true], ['disable', false]] as const) {
    app.openapi(route({ method: 'post', path: `/integrations/{id}/flows/{flow}/${verb}`, tags: ['integrations'], request: { params: flowParam }, responses: { 200: json(integrationView, 'After the change') } }), async (c) => {
      const { id, flow } = c.req.valid('param');
      return c.json((await sync.integrations.setFlowEnabled(id, flow, enabled)) as never, 200);
    });
  }
  for (const [verb, paused] of [['pause', true], ['resume', false]] as const) {
    app.openapi(route({ method: 'post', path: `/integrations/{id}/${verb}`, tags: ['integrations'], request: { params: idParam }, responses: { 200: json(integrationView, 'After the change') } }), async (c) =>
      c.json((await sync.integrations.setPaused(c.req.valid('param').id, paused)) as never, 200),
    );
  }
  app.openapi(
    route({ method: 'post', path: '/integrations/{id}/flows/{flow}/run', tags: ['integrations'], summary: 'Sync now: run one flow and wait for it', request: { params: flowParam }, responses: { 200: json(runSummary, 'The run') } }),
    async (c) => {
      const { id, flow } = c.req.valid('param');
      return c.json((await sync.jobs.run({ type: 'flow-run', integrationId: id, flow }, { trigger: 'manual', waitMs: 30_000 })) as never, 200);
    },
  );
  app.openapi(
    route({ method: 'get', path: '/integrations/{id}/status', tags: ['integrations'], summary: 'Health, lag, and per flow: last run, next run, failures, outbox', request: { params: idParam }, responses: { 200: json(anyJson.openapi('IntegrationStatus'), 'Status') } }),
    async (c) => c.json((await sync.status(c.req.valid('param').id)) as never, 200),
  );
  app.openapi(
    route({
      method: 'get',
      path: '/integrations/{id}/failures',
      tags: ['integrations'],
      summary: 'Records waiting for a retry, with their reasons',
      request: { params: idParam, query: listQuery },
      responses: { 200: json(listShape(anyJson), 'Failed records, by flow and record id; `next` is FLOW:RECORD_ID') },
    }),
    async (c) => {
      const { limit, after } = c.req.valid('query');
      const failures = await sync.failures.list({ integrationId: c.req.valid('param').id });
      return c.json(pageByKey(failures, failureKey, { limit: limit ?? 100, after }) as never, 200);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/integrations/{id}/reports',
      tags: ['integrations'],
      summary: "Reports back (delivery, receipt): sent, waiting, or refused with the system's answer",
      request: { params: idParam, query: olderThanQuery.extend({ status: z.string().optional().openapi({ description: 'comma list: pending, sending, sent, failed' }) }) },
      responses: { 200: json(listShape(anyJson), 'Newest first') },
    }),
    async (c) => {
      const { limit = 100, after, ...query } = c.req.valid('query');
      const status = query.status?.split(',').filter(Boolean);
      const found = await sync.reports(c.req.valid('param').id, { ...(status ? { status } : {}), ...(after === undefined ? {} : { beforeId: after }), limit: limit + 1 });
      return c.json(newestFirstPage(found, limit, (r) => r.id) as never, 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/integrations/{id}/flows/{flow}/retry',
      tags: ['integrations'],
      summary: 'Retry failed records (all, or those named) or failed reports',
      request: { params: flowParam, body: { ...json(z.strictObject({ externalIds: z.array(z.string()).optional() }), 'Which records; none = all'), required: false } },
      responses: { 200: json(anyJson, 'The retry run, or how many reports were queued again') },
    }),
    async (c) => {
      const { id, flow } = c.req.valid('param');
      const body = c.req.valid('json') ?? {};
      const retried = await sync.retry(id, flow, body.externalIds);
      return c.json(('run' in retried ? retried.run : retried) as never, 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/integrations/{id}/flows/{flow}/mapping-preview',
      tags: ['integrations'],
      summary: 'What changed overrides would write for recently fetched records, before saving them',
      request: { params: flowParam, body: json(z.array(anyJson), 'The overrides to try') },
      responses: { 200: json(z.array(anyJson), 'Per record: current, proposed, issues') },
    }),
    async (c) => {
      const { id, flow } = c.req.valid('param');
      return c.json((await sync.previewMapping(id, flow, c.req.valid('json'))) as never, 200);
    },
  );
  app.openapi(
    route({ method: 'get', path: '/runs', tags: ['runs'], request: { query: olderThanQuery.extend({ integration: z.coerce.number().int().optional() }) }, responses: { 200: json(listShape(runSummary), 'Recent runs, newest first') } }),
    async (c) => {
      const { integration, limit = 50, after } = c.req.valid('query');
      const visible = (await sync.integrations.list()).filter((i) => mayAccess(principalOf(c), i.goodsOwner)).map((i) => i.id);
      // Only the caller's integrations are read, so that a page is full and `next` means more of theirs.
      if (visible.length === 0 || (integration !== undefined && !visible.includes(integration))) return c.json({ items: [], next: null }, 200);
      const runs = await sync.runs.list({ ...(integration ? { integrationId: integration } : { integrationIds: visible }), ...(after === undefined ? {} : { beforeId: after }), limit: limit + 1 });
      return c.json(newestFirstPage(runs, limit, (r) => r.runId) as never, 200);
    },
  );
  app.openapi(route({ method: 'get', path: '/runs/{id}', tags: ['runs'], request: { params: idParam }, responses: { 200: json(runSummary, 'One run with its failed and locked records') } }), async (c) =>
    c.json((await sync.runs.get(c.req.valid('param').id)) as never, 200),
  );
  return app;
}
