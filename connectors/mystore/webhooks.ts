import { createHmac, timingSafeEqual } from 'node:crypto';
import { flag } from '../../src/connectors/sdk/index.js';
import type { ConnectorWebhooks, WebhookDelivery, WebhookRequest } from '../../src/connectors/sdk/index.js';
import { webhookHeaders } from './api.js';

/**
 * Whether `signature` is base64(HMAC-SHA256(key, body)) [V S22, S20]. Hex is accepted too, in
 * case a shop sends it that way [G].
 */
export function validSignature(key: string, body: string, signature: string): boolean {
  const mac = createHmac('sha256', key).update(body, 'utf8').digest();
  const given = signature.trim();
  const candidates = [Buffer.from(given, 'base64'), /^[0-9a-f]{64}$/i.test(given) ? Buffer.from(given, 'hex') : undefined];
  return candidates.some((c) => c !== undefined && c.length === mac.length && timingSafeEqual(c, mac));
}

export const signBody = (key: string, body: string): string => createHmac('sha256', key).update(body, 'utf8').digest('base64');

/** The keys a delivery may be signed with: the webhook secret, else the app's client secret (where the key comes from is a guess [G §2.9]). */
const signingKeys = (settings: Record<string, unknown>): string[] =>
  [settings.webhookSecret, settings.clientSecret].filter((k): k is string => typeof k === 'string' && k !== '');

/** The integration's shop: the setting, else the `/shops/<shop>` segment of its API root. */
function shopOf(settings: Record<string, unknown>): string | undefined {
  if (typeof settings.shop === 'string' && settings.shop !== '') return settings.shop;
  return typeof settings.baseUrl === 'string' ? /\/shops\/([^/]+)\/?$/.exec(settings.baseUrl)?.[1] : undefined;
}

/** The resource id a delivery names: a JSON:API document `{data: {id}}`, or a plain `{id}` [G: the body is not public]. */
function resourceId(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { data, id } = payload as { data?: unknown; id?: unknown };
  const candidate = typeof data === 'object' && data !== null ? (data as { id?: unknown }).id : id;
  return typeof candidate === 'string' || typeof candidate === 'number' ? String(candidate) : undefined;
}

/**
 * mystore.no's webhooks: `X-No-Mystore-Topic` says what changed, `X-No-Mystore-Hmac-Sha256` signs
 * the body, `X-No-Mystore-Host` names the shop [V S23]. A delivery names the changed record by id,
 * and its current version is read (fetchByIds), so a late delivery never writes an old order.
 */
export const mystoreWebhooks: ConnectorWebhooks = {
  verify({ headers, body, settings }: WebhookRequest) {
    const signature = headers.get(webhookHeaders.signature);
    if (!signature) return false;
    // Another shop's delivery is refused even if the key matched.
    const host = headers.get(webhookHeaders.host);
    const shop = shopOf(settings);
    if (host && shop && host.toLowerCase() !== shop.toLowerCase()) return false;
    return signingKeys(settings).some((key) => validSignature(key, body, signature));
  },
  deliveries(payload, { headers, settings }): WebhookDelivery[] {
    // Switched off: the subscription may still exist at the shop, but only the poll imports.
    if (flag.safeParse(settings.webhooks ?? true).data === false) return [];
    const topic = headers.get(webhookHeaders.topic)?.toLowerCase() ?? '';
    const id = resourceId(payload);
    if (!id) return [];
    if (/^orders\/(create|update)$/.test(topic)) return [{ flow: 'order-import', externalIds: [id] }];
    if (/^products\/(create|update)$/.test(topic)) return [{ flow: 'article-import', externalIds: [id] }];
    return [];
  },
};
