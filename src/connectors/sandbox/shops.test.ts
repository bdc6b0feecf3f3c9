import { describe, expect, it } from 'vitest';
import { deriveSeed } from './random.js';
import { createShops, shopPath } from './shops.js';

/** A simulator that tells which seed it was made with and which path it was asked for. */
const opened: number[] = [];
const open = (seed: number) => {
  opened.push(seed);
  return { fetch: (request: Request) => new Response(`${seed} ${new URL(request.url).pathname}`) };
};
const answer = async (shops: ReturnType<typeof createShops>, path: string, prefix = '') => {
  const route = await shops.route(new Request(`http://hub.example${path}`), prefix);
  return route && { key: route.key, control: route.control, text: await (await route.simulator.fetch(route.request)).text() };
};

describe('shops', () => {
  it('routes /<key>/… to that key’s shop, made once with a seed of its own, and anything else to the default shop', async () => {
    opened.length = 0;
    const shops = createShops(open, { seed: 5 });
    expect(await answer(shops, '/sandbox/x/api/v1/orders?page=2', '/sandbox/x')).toEqual({ control: false, text: '5 /api/v1/orders' });
    expect(await answer(shops, '/sandbox/x/12/api/v1/orders', '/sandbox/x')).toEqual({ key: 12, control: false, text: `${deriveSeed(5, 12)} /api/v1/orders` });
    expect(await answer(shops, '/sandbox/x/12', '/sandbox/x')).toMatchObject({ key: 12, text: `${deriveSeed(5, 12)} /` });
    // A leading zero is no key: one shop has one address.
    expect(await answer(shops, '/sandbox/x/012/api', '/sandbox/x')).toEqual({ control: false, text: '5 /012/api' });
    expect(await answer(shops, '/sandbox/xy/api', '/sandbox/x')).toBeUndefined();
    expect(opened).toEqual([5, deriveSeed(5, 12)]);
    expect(`/sandbox/x${shopPath(12)}/api/v1`).toBe('/sandbox/x/12/api/v1');
    expect(`/sandbox/x${shopPath()}/api/v1`).toBe('/sandbox/x/api/v1');
  });

  it('opens a shop only for a key it accepts, and keeps at most maxShops, dropping the least recently used', async () => {
    opened.length = 0;
    const shops = createShops(open, { seed: 1, accepts: (key) => key !== 3, maxShops: 2 });
    expect(await answer(shops, '/3/api')).toBeUndefined();
    await answer(shops, '/1/api');
    await answer(shops, '/2/api');
    await answer(shops, '/1/api');
    await answer(shops, '/4/api');
    expect(shops.size).toBe(2);
    await answer(shops, '/1/api');
    await answer(shops, '/2/api');
    // 2 was dropped for 4 (1 had been used since), so it is made again.
    expect(opened).toEqual([1, 2, 4, 2].map((key) => deriveSeed(1, key)));
  });

  it('tells a control call by the path the simulator will route, however it is spelled', async () => {
    const shops = createShops(open, { seed: 1 });
    for (const path of ['/_sandbox/state', '/7/_sandbox/state', '/7/_sandbox', '/7/%5Fsandbox/faults', '/%5fsandbox/requests']) {
      expect((await answer(shops, path))?.control, path).toBe(true);
    }
    for (const path of ['/7/api/_sandbox', '/7/_sandboxes', '/7/%255Fsandbox/state']) {
      expect((await answer(shops, path))?.control, path).toBe(false);
    }
  });
});

describe('shops opened by two calls at once', () => {
  it('opens one shop, so that neither call writes into a shop that is then thrown away', async () => {
    opened.length = 0;
    const shops = createShops(open, { seed: 1, accepts: async () => new Promise((resolve) => setTimeout(() => resolve(true), 5)) });
    const [a, b] = await Promise.all([shops.route(new Request('http://hub.example/8/api')), shops.route(new Request('http://hub.example/8/api'))]);
    expect(a?.simulator).toBe(b?.simulator);
    expect(opened).toEqual([deriveSeed(1, 8)]);
  });
});
