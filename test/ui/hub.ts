import { startHttpServer } from '../../src/http/server.js';
import { testApp } from '../support/http.js';
import { openTestStore } from '../support/stores.js';

export const ADMIN = { email: 'admin@hub.example', password: 'correct horse battery' };

/**
 * The hub served for real on 127.0.0.1 and a free port, wired as `wmsync serve` wires it, with its
 * sandboxes at `${url}/sandbox/<system>`. No scheduler: tests press "Sync now", so runs are
 * deterministic. Starts with one administrator, so the hub is out of set-up mode, unless `setupMode`
 * (no user at all: the hub serves this machine as an administrator, and has no sandbox control).
 */
export async function startHub(options: Parameters<typeof testApp>[1] = {}, { setupMode = false } = {}) {
  const store = await openTestStore();
  const { app, wms, sync, users, hub } = testApp(store, options);
  const token = setupMode ? '' : await users.add({ ...ADMIN, role: 'admin' }).then(async () => (await users.createToken(ADMIN.email, 1)).token);
  const server = await startHttpServer(app, { host: '127.0.0.1', port: 0 });
  hub.url = server.url;
  return {
    url: server.url,
    /** The control API (state, faults, requests) of a MyCashflow integration's own sandbox shop, as the administrator: it is not open to anyone. */
    sandboxControl: (integrationId: number, path: string, init: RequestInit = {}) =>
      fetch(`${server.url}/sandbox/mycashflow/${integrationId}/_sandbox${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } }),
    store,
    wms,
    sync,
    users,
    async close() {
      await server.close();
      await store.drop();
    },
  };
}

export type RunningHub = Awaited<ReturnType<typeof startHub>>;
