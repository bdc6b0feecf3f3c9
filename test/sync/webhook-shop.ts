import { createHmac, timingSafeEqual } from 'node:crypto';
import { defineConnector, defineMappingTable, expr as e, requiredText, secret } from '../../src/connectors/sdk/index.js';
import type { Connector, ImportFlow, SourceRecord, WebhookDelivery } from '../../src/connectors/sdk/index.js';

export interface ShopProduct {
  sku: string;
  name: string;
}

/** The header the shop signs with: hex HMAC-SHA256 of the body under the integration's webhook secret. */
export const SIGNATURE_HEADER = 'x-shop-signature';
export const sign = (body: string, secret: string): string => createHmac('sha256', secret).update(body).digest('hex');

const productRecord = (p: ShopProduct): SourceRecord => ({ externalId: p.sku, label: `article ${p.sku}`, source: p });

/**
 * A made-up shop that pushes product changes, for tests of the webhook route and the job port:
 * `product.updated` carries the product, `products.changed` only the SKUs (read back through
 * fetchByIds from `products`). Its poll finds nothing, so whatever reaches the WMS came by webhook.
 */
export function webhookShop() {
  const products = new Map<string, ShopProduct>();
  const fetchedByIds: string[][] = [];
  /** Set to make fetchByIds fail, as an unreachable shop would, or answer only after a while. */
  const faults: { fetchByIds?: Error; slowMs?: number } = {};

  const articleImport: ImportFlow<unknown> = {
    kind: 'import',
    id: 'article-import',
    description: 'products of the webhook shop',
    enabledByDefault: true,
    mapping: defineMappingTable({
      target: 'article',
      rows: [
        { wms: 'articleNumber', from: e.toText(e.path('sku')) },
        { wms: 'articleName', from: e.path('name') },
      ],
    }),
    async *fetch() {
      yield { records: [] };
    },
    async fetchByIds(_api, externalIds) {
      if (faults.slowMs) await new Promise((r) => setTimeout(r, faults.slowMs));
      if (faults.fetchByIds) throw faults.fetchByIds;
      fetchedByIds.push(externalIds);
      return externalIds.flatMap((id) => (products.has(id) ? [productRecord(products.get(id)!)] : []));
    },
  };

  const connector: Connector<unknown> = defineConnector({
    id: 'webhookshop',
    displayName: 'Webhook Shop',
    auth: 'api-key',
    baseUrls: { production: 'https://shop.invalid/api' },
    settings: { webhookSecret: secret(requiredText, { label: 'Webhook secret', doc: 'the key the shop signs its webhooks with' }) },
    defaultIntervalMinutes: 15,
    flows: [articleImport],
    createApi: () => ({}),
    testConnection: async () => undefined,
    webhooks: {
      verify({ headers, body, settings }) {
        const given = Buffer.from(headers.get(SIGNATURE_HEADER) ?? '');
        const secret = settings.webhookSecret;
        if (typeof secret !== 'string' || secret === '') return false;
        const expected = Buffer.from(sign(body, secret));
        return given.length === expected.length && timingSafeEqual(given, expected);
      },
      deliveries(payload): WebhookDelivery[] {
        const event = payload as { topic?: string; product?: ShopProduct; skus?: string[] };
        if (event.topic === 'product.updated' && event.product) return [{ flow: 'article-import', records: [productRecord(event.product)] }];
        if (event.topic === 'products.changed' && event.skus) return [{ flow: 'article-import', externalIds: event.skus }];
        return [];
      },
    },
  });
  return { connector, products, fetchedByIds, faults };
}

/** Waits until `check` holds, polling; fails the test after `timeoutMs`. */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
