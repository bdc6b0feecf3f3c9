import { createRoute, z } from '@hono/zod-openapi';
import { recordError } from '../../kernel/errors.js';
import { conflict } from '../../kernel/errors.js';
import type { ListOptions, Page, UpsertOutcome } from '../../wms/port.js';
import { validationHook } from '../errors.js';
import { listPage } from '../../kernel/pages.js';
import { errorResponses, json, listQuery, listShape, outcomeSchema, ownerParam, routeGroup } from './shared.js';

interface KeyedResource<S extends z.ZodType> {
  /** URL segment under the goods owner, e.g. "articles". */
  collection: string;
  keyParam: string;
  /** "article", "purchase order": how a record is named in messages. */
  label: string;
  schema: S;
  keyOf(record: z.output<S>): string;
  list(owner: string, options: ListOptions): Promise<Page<unknown>>;
  get?(owner: string, key: string): Promise<unknown>;
  put(owner: string, record: z.output<S>): Promise<UpsertOutcome>;
  /** The schema of a record as the WMS shows it; defaults to the input schema. */
  viewSchema?: z.ZodType;
}

/** GET list, GET one and PUT (create or update) for one kind of record, keyed under a goods owner. */
export function keyedRoutes<S extends z.ZodType>(r: KeyedResource<S>) {
  const app = routeGroup();
  const base = `/goods-owners/{owner}/${r.collection}`;
  const keyParams = ownerParam.extend({ [r.keyParam]: z.string().min(1).openapi({ param: { name: r.keyParam, in: 'path' } }) });
  const view = r.viewSchema ?? r.schema;
  const tags = [r.collection];

  app.openapi(
    createRoute({
      method: 'get',
      path: base,
      tags,
      request: { params: ownerParam, query: listQuery },
      responses: { 200: json(listShape(view), `A page of ${r.collection}, in key order`), 404: errorResponses[404] },
    }),
    async (c) => {
      const { owner } = c.req.valid('param');
      const { limit, after } = c.req.valid('query');
      return c.json(listPage(await r.list(owner, { ...(limit ? { limit } : {}), ...(after ? { after } : {}) })) as never, 200);
    },
  );

  if (r.get) {
    const get = r.get;
    app.openapi(
      createRoute({ method: 'get', path: `${base}/{${r.keyParam}}`, tags, request: { params: keyParams }, responses: { 200: json(view, `One ${r.label}`), 404: errorResponses[404] } }),
      async (c) => {
        const params = c.req.valid('param') as Record<string, string>;
        return c.json((await get(params.owner!, params[r.keyParam]!)) as never, 200);
      },
    );
  }

  app.openapi(
    createRoute({
      method: 'put',
      path: `${base}/{${r.keyParam}}`,
      tags,
      summary: `Create or update ${r.label === 'article' ? 'an' : 'a'} ${r.label}`,
      description: 'Idempotent: the same record twice reports "unchanged". Refused with 409 when the warehouse status locks the record.',
      request: { params: keyParams, body: json(r.schema, `The ${r.label} in the canonical model`) },
      responses: { 200: json(outcomeSchema, 'What the write did'), ...errorResponses },
    }),
    async (c) => {
      // The generic schema hides the validated types from the compiler; they are checked all the same.
      const valid = c.req.valid.bind(c.req) as (target: 'param' | 'json') => unknown;
      const params = valid('param') as Record<string, string>;
      const key = params[r.keyParam]!;
      const record = valid('json') as z.output<S>;
      const name = `${r.label} ${key}`;
      if (r.keyOf(record) !== key) {
        throw recordError(name, [{ record: name, field: r.keyParam, value: r.keyOf(record), reason: `must match the ${r.keyParam} in the URL (${key})` }]);
      }
      const result = await r.put(params.owner!, record);
      if (result.outcome === 'locked') throw conflict(`${name} not changed: ${result.reason}`);
      return c.json({ record: name, outcome: result.outcome }, 200);
    },
    validationHook((c) => `${r.label} ${c.req.param(r.keyParam) ?? ''}`.trim()) as never,
  );
  return app;
}
