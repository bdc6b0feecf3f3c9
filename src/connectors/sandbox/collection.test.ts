import { describe, expect, it } from 'vitest';
import { Collection, lazyEntry } from './collection.js';

const make = () => new Collection([5, 3, 1, 4, 2].map((id) => ({ id, updatedMs: (6 - id) * 100, value: `r${id}` })));

describe('Collection', () => {
  it('pages by id both ways and counts the total', () => {
    const c = make();
    expect(c.query({ sort: 'id', offset: 0, limit: 2 })).toEqual({ items: ['r1', 'r2'], total: 5 });
    expect(c.query({ sort: 'id', descending: true, offset: 2, limit: 2 }).items).toEqual(['r3', 'r2']);
    expect(c.query({ sort: 'id', offset: 4, limit: 2 }).items).toEqual(['r5']);
  });

  it('sorts by update time and narrows an updated range by binary search', () => {
    const c = make();
    expect(c.query({ sort: 'updated', offset: 0, limit: 5 }).items).toEqual(['r5', 'r4', 'r3', 'r2', 'r1']);
    expect(c.query({ sort: 'updated', updatedFrom: 200, updatedTo: 400, offset: 0, limit: 5 })).toEqual({ items: ['r4', 'r3', 'r2'], total: 3 });
    expect(c.query({ sort: 'id', updatedFrom: 200, updatedTo: 400, offset: 0, limit: 5 }).items).toEqual(['r2', 'r3', 'r4']);
  });

  it('filters and counts matches over all pages', () => {
    const page = make().query({ sort: 'id', filter: (e) => e.id % 2 === 1, offset: 1, limit: 1 });
    expect(page).toEqual({ items: ['r3'], total: 3 });
  });

  it('moves a touched record to its new place in update order', () => {
    const c = make();
    c.touch(5, 1000);
    expect(c.query({ sort: 'updated', descending: true, offset: 0, limit: 1 }).items).toEqual(['r5']);
    c.add(9, 50, 'r9');
    expect(c.query({ sort: 'updated', offset: 0, limit: 1 }).items).toEqual(['r9']);
    expect(c.lastId).toBe(9);
  });

  it('builds a lazy value once, on first read', () => {
    let builds = 0;
    const entry = lazyEntry(1, 0, () => ++builds);
    expect(builds).toBe(0);
    expect(entry.value).toBe(1);
    expect(entry.value).toBe(1);
    expect(builds).toBe(1);
  });
});
