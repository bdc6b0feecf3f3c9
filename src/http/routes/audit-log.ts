import { createRoute, z } from '@hono/zod-openapi';
import { auditKinds } from '../../audit/audit-log.js';
import type { AuditLog } from '../../audit/audit-log.js';
import { principalOf } from '../access.js';
import { errorResponses, json, routeGroup } from './shared.js';

const entry = z
  .object({ id: z.number(), at: z.string(), actor: z.string(), kind: z.string(), record: z.string(), goodsOwner: z.string().nullable(), action: z.string(), changes: z.record(z.string(), z.unknown()) })
  .openapi('AuditEntry');
export const auditQuery = z.object({
  kind: z.enum(auditKinds).optional(),
  record: z.string().max(300).optional().openapi({ example: 'integration 3' }),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  before: z.coerce.number().int().min(1).optional().openapi({ description: 'the `next` value of the previous page' }),
});

/** Who changed what: an administrator sees every entry, a goods-owner user its own goods owner's. */
export function auditLogRoutes({ sync }: { sync: { audit: AuditLog } }) {
  const app = routeGroup();
  app.openapi(
    createRoute({ method: 'get', path: '/audit-log', tags: ['audit log'], request: { query: auditQuery }, responses: { 200: json(z.object({ items: z.array(entry), next: z.string().optional() }), 'Newest first'), ...errorResponses } }),
    async (c) => {
      const principal = principalOf(c);
      const query = c.req.valid('query');
      const page = await sync.audit.list({ ...query, ...(principal.role === 'goods-owner' ? { goodsOwners: [principal.goodsOwner] } : {}) });
      return c.json(page as never, 200);
    },
  );
  return app;
}
