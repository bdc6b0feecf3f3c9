import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mystoreWebhooks, signBody, validSignature } from './webhooks.js';

const body = '{"data":{"type":"orders","id":"10042"}}';
const settings = { baseUrl: 'https://api.mystore.no/shops/fjordbutikk', webhookSecret: 'whsec-1', clientSecret: 'client-secret-1' };
const request = (headers: Record<string, string>, values: Record<string, unknown> = settings) => ({ headers: new Headers(headers), body, settings: values });

describe('mystore.no webhook signatures', () => {
  it('takes base64(HMAC-SHA256(secret, body)) and the same MAC in hex, and nothing else', () => {
    const hex = createHmac('sha256', 'whsec-1').update(body).digest('hex');
    expect(validSignature('whsec-1', body, signBody('whsec-1', body))).toBe(true);
    expect(validSignature('whsec-1', body, hex)).toBe(true);
    expect(validSignature('whsec-1', `${body} `, signBody('whsec-1', body))).toBe(false);
    expect(validSignature('whsec-1', body, 'AAAA')).toBe(false);
  });

  it('verifies with the webhook secret, or the client secret [G], for the integration’s own shop only', () => {
    const signed = (key: string, host = 'fjordbutikk') => ({ 'x-no-mystore-hmac-sha256': signBody(key, body), 'x-no-mystore-host': host, 'x-no-mystore-topic': 'orders/create' });
    expect(mystoreWebhooks.verify(request(signed('whsec-1')))).toBe(true);
    expect(mystoreWebhooks.verify(request(signed('client-secret-1')))).toBe(true);
    expect(mystoreWebhooks.verify(request(signed('whsec-1', 'another-shop')))).toBe(false);
    expect(mystoreWebhooks.verify(request(signed('guessed')))).toBe(false);
    expect(mystoreWebhooks.verify(request({ 'x-no-mystore-topic': 'orders/create' }))).toBe(false);
  });

  it('delivers the changed order or product by id, and nothing when webhooks are off or the topic is another', () => {
    const deliveries = (topic: string, payload: unknown, values: Record<string, unknown> = settings) => mystoreWebhooks.deliveries(payload, request({ 'x-no-mystore-topic': topic }, values));
    expect(deliveries('orders/create', JSON.parse(body))).toEqual([{ flow: 'order-import', externalIds: ['10042'] }]);
    expect(deliveries('orders/update', { id: 10042 })).toEqual([{ flow: 'order-import', externalIds: ['10042'] }]);
    expect(deliveries('products/update', { data: { type: 'products', id: '2576' } })).toEqual([{ flow: 'article-import', externalIds: ['2576'] }]);
    expect(deliveries('customers/create', { id: 1 })).toEqual([]);
    expect(deliveries('orders/create', JSON.parse(body), { ...settings, webhooks: false })).toEqual([]);
    expect(deliveries('orders/create', { data: {} })).toEqual([]);
  });
});
