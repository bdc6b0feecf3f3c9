import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub } from '../../test/ui/hub.js';
import type { RunningHub } from '../../test/ui/hub.js';

/** The hub serves the Specter sandbox per integration (/sandbox/specter/<id>/): a sandbox integration needs no settings at all. */
describe('the hub-served Specter sandbox', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(() => hub?.close());

  it('imports from its own shop with the sandbox credentials, signed as Specter checks them', async () => {
    await hub.wms.addGoodsOwner({ code: 'SPEC', name: 'Specter AB' });
    const { id } = await hub.sync.integrations.add({ goodsOwner: 'SPEC', system: 'specter', settings: { environment: 'sandbox' } });
    for (const flow of ['order-import', 'article-import', 'purchase-order-import']) {
      const result = await hub.sync.engine.runFlow(id, flow, { trigger: 'manual' });
      expect(result.status, flow).toBe('succeeded');
      expect(result.counts.created, flow).toBeGreaterThan(0);
    }
  });
});
