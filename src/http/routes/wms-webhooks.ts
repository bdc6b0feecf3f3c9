import { Hono } from 'hono';
import { isWmsyncError } from '../../kernel/errors.js';
import type { Logger } from '../../kernel/logger.js';
import type { SyncServices } from '../../sync/services.js';
import { isWakeable } from '../../wms/port.js';
import { errorBody } from '../errors.js';

/**
 * `POST /webhooks/wms/ongoing/<goods owner>`: Ongoing's order and purchase-order webhooks (§8).
 * Their payload is minimal and their retries may be off, so a call is only a wake-up: the next
 * poll reads at once, and polling stays the source of truth. The shared token (X-Auth-Token, as
 * configured in Ongoing's webhook) is the goods owner's `webhookToken` credential.
 */
export function wmsWebhookRoutes({ sync, logger }: { sync: SyncServices; logger: Logger }) {
  const app = new Hono();
  app.post('/webhooks/wms/ongoing/:goodsOwner', async (c) => {
    const code = c.req.param('goodsOwner');
    const nowhere = () => c.json(errorBody('not_found', `no webhooks are taken at ${c.req.path}`), 404);
    const tenant = await sync.tenants.get(code).catch((e: unknown) => {
      if (isWmsyncError(e) && e.kind === 'not-found') return undefined;
      throw e;
    });
    if (tenant?.wms !== 'ongoing') return nowhere();
    const wms = await sync.wmsFor(code);
    if (!isWakeable(wms)) return nowhere();
    if (!wms.acceptsWebhookToken(c.req.header('x-auth-token'))) {
      logger.warn({ goodsOwner: code }, 'Ongoing webhook refused: wrong or missing X-Auth-Token');
      return c.json(errorBody('unauthorized', 'the X-Auth-Token of this webhook call is not valid'), 401);
    }
    wms.wake();
    return c.json({ woken: true }, 202);
  });
  return app;
}
