import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/schema.js';
import { builtinRegistry } from '../../src/connectors/builtin.js';
import type { ConnectorRegistry } from '../../src/connectors/registry.js';
import { systemClock } from '../../src/kernel/clock.js';
import type { Clock } from '../../src/kernel/clock.js';
import { createSecretBox } from '../../src/kernel/secrets.js';
import { createSyncServices } from '../../src/sync/services.js';
import { createEmbeddedWms } from '../../src/wms/embedded/embedded-wms.js';
import type { EmbeddedWms } from '../../src/wms/port.js';
import type { TestStore } from './stores.js';

/** One secret key per store, as every process of one installation shares one key. */
const keys = new WeakMap<TestStore, Buffer>();
const keyOf = (store: TestStore) => keys.get(store) ?? keys.set(store, randomBytes(32)).get(store)!;

/**
 * The WMS and the sync engine over a test store, wired as main.ts wires them. The tests' sandboxes
 * run on this machine, so loopback is allowed as an administrator would allow it for one; tests of
 * the outbound rule pass `allowPrivateTargets: []`.
 */
export function testHub(
  store: TestStore,
  options: { registry?: ConnectorRegistry; clock?: Clock; hubUrl?: string; allowPrivateTargets?: string[]; wrapWms?: (wms: EmbeddedWms) => EmbeddedWms } = {},
) {
  const clock = options.clock ?? systemClock;
  const logger = pino({ level: process.env.TEST_LOG ?? 'silent' });
  const embedded = createEmbeddedWms(store, clock);
  const wms = options.wrapWms ? options.wrapWms(embedded) : embedded;
  const hub = { url: options.hubUrl ?? 'http://127.0.0.1:9' };
  const sync = createSyncServices({
    store,
    wms,
    registry: options.registry ?? builtinRegistry(),
    secrets: createSecretBox(keyOf(store)),
    clock,
    logger,
    hubUrl: () => hub.url,
    allowPrivateTargets: options.allowPrivateTargets ?? ['127.0.0.0/8'],
    leaseMs: loadConfig({}).worker.leaseMs,
  });
  return { wms, sync, logger, hub };
}
