import { createUsers } from '../../src/access/users.js';
import { systemClock } from '../../src/kernel/clock.js';
import { createHttpApp } from '../../src/http/app.js';
import type { HttpDeps } from '../../src/http/app.js';
import { createMetrics } from '../../src/http/metrics.js';
import { testHub } from './hub.js';
import type { TestStore } from './stores.js';

/** The HTTP app over a test store, driven in-process with app.request(). */
export function testApp(store: TestStore, hubOptions: Parameters<typeof testHub>[1] = {}, httpOptions: Pick<HttpDeps, 'maxBodyBytes' | 'metricsToken' | 'publicUrl' | 'trustedProxies'> = {}) {
  const { wms, sync, logger, hub } = testHub(store, hubOptions);
  const users = createUsers(store.db, hubOptions.clock ?? systemClock);
  const app = createHttpApp({ wms, sync, users, logger, metrics: createMetrics(), version: 'test', ...httpOptions });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const text = await res.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, json, text, headers: res.headers };
  };
  return { app, wms, sync, hub, users, call };
}
