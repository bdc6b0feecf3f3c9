import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Logger } from '../../kernel/logger.js';
import type { EmbeddedWms } from '../../wms/port.js';
import { validationHook } from '../errors.js';

/** What route handlers get. */
export interface RouteDeps {
  wms: EmbeddedWms;
  logger: Logger;
}

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ record: z.string(), field: z.string(), value: z.unknown().optional(), reason: z.string() })),
    }),
  })
  .openapi('Error');

const errorResponse = (description: string) => ({ content: { 'application/json': { schema: errorSchema } }, description });
export const errorResponses = {
  400: errorResponse('Malformed request'),
  404: errorResponse('Not found'),
  409: errorResponse('Conflicts with the current state, e.g. locked by the warehouse status'),
  422: errorResponse('A record is refused: which field, which value, why'),
};

export const ownerParam = z.object({ owner: z.string().min(1).openapi({ param: { name: 'owner', in: 'path' }, example: 'ACME' }) });

export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).optional().openapi({ example: 100 }),
  after: z.string().optional().openapi({ description: 'the `next` value of the previous page' }),
});

/** Every list the API answers: a page of items and the cursor of the next page, null on the last (src/kernel/pages.ts). */
export const listShape = <S extends z.ZodType>(item: S) => z.object({ items: z.array(item), next: z.string().nullable() });

export const outcomeSchema = z
  .object({ record: z.string(), outcome: z.enum(['created', 'updated', 'unchanged', 'cancelled']) })
  .openapi('WriteOutcome');

export const json = <S extends z.ZodType>(schema: S, description: string) => ({ content: { 'application/json': { schema } }, description });

/** A sub-app whose validation failures use the API's error envelope. */
export const routeGroup = () =>
  new OpenAPIHono({ defaultHook: validationHook((c: Context) => `request to ${c.req.path}`) as never });

export { validationHook };
