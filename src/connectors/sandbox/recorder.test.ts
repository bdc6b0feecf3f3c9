import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createRecorder } from './recorder.js';

describe('recorder', () => {
  it('records method, path, query, JSON body and final status, and keeps only the latest', async () => {
    const recorder = createRecorder({ limit: 2, now: () => new Date('2025-01-01T00:00:00Z') });
    const app = new Hono();
    app.use('*', recorder.middleware());
    app.get('/items', (c) => c.json([]));
    app.post('/items', async (c) => c.json(await c.req.json(), 201));
    await app.request('/items?page=2');
    await app.request('/items', { method: 'POST', body: JSON.stringify({ a: 1 }) });
    await app.request('/missing');
    expect(recorder.requests).toHaveLength(2);
    const [post, missing] = recorder.requests;
    expect(post).toMatchObject({ method: 'POST', path: '/items', body: { a: 1 }, status: 201, at: '2025-01-01T00:00:00.000Z' });
    expect(missing).toMatchObject({ method: 'GET', path: '/missing', status: 404, body: undefined });
    expect(recorder.filter('POST', /^\/items$/)).toHaveLength(1);
    recorder.clear();
    expect(recorder.requests).toHaveLength(0);
  });

  it('records the query string', async () => {
    const recorder = createRecorder();
    const app = new Hono();
    app.use('*', recorder.middleware());
    app.get('/x', (c) => c.text('ok'));
    await app.request('/x?sort=id-asc&page=3');
    expect(recorder.requests[0]?.query).toEqual({ sort: 'id-asc', page: '3' });
  });
});
