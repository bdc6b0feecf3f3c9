import type { ImportFlow, SourceRecord } from './flows.js';

/** A webhook call as a connector sees it: what a signature check needs, and the integration's settings. */
export interface WebhookRequest {
  headers: Headers;
  /** The body exactly as the system sent it (UTF-8): signatures are computed over these bytes. */
  body: string;
  /** The integration's resolved settings with its secrets (the webhook's signing key is one of them). */
  settings: Record<string, unknown>;
}

/**
 * What one delivery brings for one import flow: the records themselves (imported as given) or the
 * ids of records that changed (their current version is read with the flow's `fetchByIds`, so a
 * delivery that arrives late never writes an old version over a newer one).
 */
export type WebhookDelivery = { flow: ImportFlow<unknown>['id'] } & ({ records: SourceRecord[] } | { externalIds: string[] });

/** How a connector takes webhooks at `POST /webhooks/<system>/<integration id>`. */
export interface ConnectorWebhooks {
  /** Whether the call comes from the system: the signature over `body`. A false is answered with 401 and nothing is stored. */
  verify(request: WebhookRequest): boolean | Promise<boolean>;
  /** What a verified call delivers; [] for an event the connector does not use (a ping, another topic). */
  deliveries(payload: unknown, request: WebhookRequest): WebhookDelivery[];
}
