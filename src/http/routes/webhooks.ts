import { Hono } from 'hono';
import type { WebhookDelivery, WebhookRequest } from '../../connectors/sdk/webhooks.js';
import { isWmsyncError } from '../../kernel/errors.js';
import type { Logger } from '../../kernel/logger.js';
import type { ResolvedIntegration } from '../../sync/integrations.js';
import type { SyncServices } from '../../sync/services.js';
import { errorBody } from '../errors.js';
import { parseRecordId } from '../record-access.js';

/** Why a delivery is not stored, or undefined when it is one the integration takes. */
function unusable(integration: ResolvedIntegration, delivery: WebhookDelivery): string | undefined {
  const flow = integration.connector.flows.find((f) => f.id === delivery.flow);
  if (flow?.kind !== 'import') return `${delivery.flow} is not an import flow of ${integration.connector.displayName}`;
  if (!integration.flows.some((f) => f.flow === delivery.flow && f.enabled)) return `${delivery.flow} is off`;
  if ('externalIds' in delivery ? delivery.externalIds.length === 0 : delivery.records.length === 0) return 'it brings nothing';
  if ('externalIds' in delivery && !flow.fetchByIds) return `${delivery.flow} cannot fetch records by id`;
  return undefined;
}

/**
 * `POST /webhooks/<system>/<integration id>`: a system's push of changes. No user signs in: the
 * connector checks the signature, and nothing is stored without it. Each delivery is kept as a
 * job before the answer (202), so it survives a crash; the scheduler writes it under its flow's
 * lease, with the poll's mapping, validation, links and failures.
 */
export function webhookRoutes({ sync, logger }: { sync: SyncServices; logger: Logger }) {
  const app = new Hono();
  app.post('/webhooks/:system/:integrationId', async (c) => {
    const { system, integrationId } = c.req.param();
    // An unknown id, another system's integration and a connector without webhooks all read the same.
    const nowhere = () => c.json(errorBody('not_found', `no webhooks are taken at ${c.req.path}`), 404);
    const id = parseRecordId(integrationId);
    if (id === undefined) return nowhere();
    const integration = await sync.integrations.resolve(id).catch((e: unknown) => {
      if (isWmsyncError(e) && e.kind === 'not-found') return undefined;
      throw e;
    });
    const webhooks = integration?.system === system ? integration.connector.webhooks : undefined;
    if (!integration || !webhooks) return nowhere();

    // The body as sent: the guards before this read it as text, which Hono keeps byte for byte.
    const request: WebhookRequest = { headers: c.req.raw.headers, body: await c.req.text(), settings: integration.resolved };
    if (!(await webhooks.verify(request))) {
      logger.warn({ integration: id, system }, 'webhook refused: bad signature');
      return c.json(errorBody('unauthorized', 'the signature of this webhook call is not valid'), 401);
    }
    let payload: unknown;
    try {
      payload = JSON.parse(request.body);
    } catch {
      return c.json(errorBody('invalid_request', 'the webhook body is not JSON'), 400);
    }

    const counts = { accepted: 0, duplicates: 0, ignored: 0 };
    for (const delivery of webhooks.deliveries(payload, request)) {
      const reason = unusable(integration, delivery);
      if (reason) {
        logger.info({ integration: id, flow: delivery.flow, reason }, 'webhook delivery ignored');
        counts.ignored += 1;
      } else if (await sync.jobs.enqueue({ type: 'delivery', integrationId: id, delivery })) counts.accepted += 1;
      else counts.duplicates += 1;
    }
    return c.json(counts, 202);
  });
  return app;
}
