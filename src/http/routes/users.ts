import { createRoute, z } from '@hono/zod-openapi';
import { roles } from '../../access/users.js';
import type { Users } from '../../access/users.js';
import { requireAdmin } from '../access.js';
import { errorResponses, json, routeGroup } from './shared.js';

const emailParam = z.object({ email: z.string().min(1).max(320).openapi({ param: { name: 'email', in: 'path' }, example: 'anna@acme.example' }) });
const user = z.object({ email: z.string(), role: z.string(), goodsOwner: z.string().nullable(), createdAt: z.string() }).openapi('User');
const signIn = z.object({ id: z.string(), kind: z.enum(['session', 'token']), createdAt: z.string().nullable(), expiresAt: z.string() }).openapi('SignIn');
const newUser = z
  .strictObject({ email: z.string().max(320), password: z.string().max(1000), role: z.enum(roles), goodsOwner: z.string().max(50).optional() })
  .openapi('NewUser');
const userChange = z
  .strictObject({ role: z.enum(roles).optional(), goodsOwner: z.string().max(50).nullable().optional(), password: z.string().max(1000).optional() })
  .openapi('UserChange');
const revokeQuery = z.object({ kind: z.enum(['session', 'token']).optional().openapi({ description: 'only browser sessions or only API tokens; both when absent' }) });
const tokenBody = z.strictObject({ days: z.number().int().min(1).max(3650).optional() }).openapi('NewToken');

/** Users and their sign-ins, for administrators: `wmsync users …` over HTTP. */
export function userRoutes({ users }: { users: Users }) {
  const app = routeGroup();
  const route = <R extends Parameters<typeof createRoute>[0]>(r: R) => createRoute({ ...r, tags: ['users'], responses: { ...errorResponses, ...r.responses } });
  app.use('/users', async (c, next) => (requireAdmin(c), next()));
  app.use('/users/*', async (c, next) => (requireAdmin(c), next()));

  app.openapi(route({ method: 'get', path: '/users', responses: { 200: json(z.array(user), 'Every user') } }), async (c) => c.json(await users.list(), 200));
  app.openapi(route({ method: 'post', path: '/users', request: { body: json(newUser, 'The new user') }, responses: { 201: json(z.record(z.string(), z.unknown()), 'Created') } }), async (c) =>
    c.json((await users.add(c.req.valid('json'))) as never, 201),
  );
  app.openapi(
    route({ method: 'patch', path: '/users/{email}', request: { params: emailParam, body: json(userChange, 'Role, goods owner or a new password') }, responses: { 200: json(z.record(z.string(), z.unknown()), 'The user after the change') } }),
    async (c) => c.json((await users.update(c.req.valid('param').email, c.req.valid('json'))) as never, 200),
  );
  app.openapi(
    route({ method: 'post', path: '/users/{email}/tokens', request: { params: emailParam, body: json(tokenBody, 'How long the token is valid') }, responses: { 201: json(z.object({ token: z.string(), id: z.string(), expiresAt: z.string() }), 'The token, shown once') } }),
    async (c) => c.json(await users.createToken(c.req.valid('param').email, c.req.valid('json').days ?? 365), 201),
  );
  app.openapi(route({ method: 'get', path: '/users/{email}/sessions', request: { params: emailParam }, responses: { 200: json(z.array(signIn), 'Sessions and API tokens not yet expired') } }), async (c) =>
    c.json(await users.signIns.list(c.req.valid('param').email), 200),
  );
  app.openapi(
    route({ method: 'delete', path: '/users/{email}/sessions', request: { params: emailParam, query: revokeQuery }, responses: { 200: json(z.object({ revoked: z.number() }), 'How many were revoked') } }),
    async (c) => {
      const { kind } = c.req.valid('query');
      return c.json({ revoked: await users.signIns.revokeAll(c.req.valid('param').email, kind) }, 200);
    },
  );
  app.openapi(
    route({ method: 'delete', path: '/users/{email}/sessions/{session}', request: { params: emailParam.extend({ session: z.string().min(1).max(100) }) }, responses: { 200: json(z.object({ revoked: z.number() }), 'Revoked') } }),
    async (c) => {
      const { email, session } = c.req.valid('param');
      await users.signIns.revoke(email, session);
      return c.json({ revoked: 1 }, 200);
    },
  );
  return app;
}
