import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testHub } from '../../test/support/hub.js';
import { openTestStore } from '../../test/support/stores.js';
import type { TestStore } from '../../test/support/stores.js';
import { systemClock } from '../kernel/clock.js';
import { createCursors } from './cursors.js';

describe('cursors in the format their flow declares', () => {
  let store: TestStore;
  let id: number;
  beforeEach(async () => {
    store = await openTestStore();
    const hub = testHub(store);
    await hub.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    id = (await hub.sync.integrations.add({ goodsOwner: 'ACME', system: 'mycashflow', settings: { environment: 'sandbox' } })).id;
  });
  afterEach(() => store?.drop());

  it('moves a timestamp and a number forward only, and takes every new opaque token', async () => {
    const cursors = createCursors(store.db, systemClock);
    await cursors.advance(id, 'article-import', '2026-12-03T10:00:00Z');
    await cursors.advance(id, 'article-import', '2026-12-03T09:00:00Z');
    expect(await cursors.get(id, 'article-import')).toBe('2026-12-03T10:00:00Z');

    await cursors.advance(id, 'order-import', '99', 'number');
    await cursors.advance(id, 'order-import', '100', 'number');
    await cursors.advance(id, 'order-import', '20', 'number');
    expect(await cursors.get(id, 'order-import')).toBe('100');

    await cursors.advance(id, 'supplier-import', 'token-b', 'opaque');
    await cursors.advance(id, 'supplier-import', 'token-a', 'opaque');
    expect(await cursors.get(id, 'supplier-import')).toBe('token-a');
  });

  it('refuses a cursor that is not of its format', async () => {
    const cursors = createCursors(store.db, systemClock);
    await expect(cursors.advance(id, 'article-import', 'yesterday')).rejects.toThrow('is not a timestamp');
    await expect(cursors.advance(id, 'order-import', 'abc', 'number')).rejects.toThrow('is not a number');
    expect(await cursors.get(id, 'order-import')).toBeUndefined();
  });
});
