import { getPath } from 'hono/utils/url';
import { deriveSeed } from './random.js';

/**
 * One simulator per key, a "shop", so that the integrations of one hub never share data: two
 * goods owners on the sandbox each import their own orders and write their own stock. A path
 * `/<key>/…` (the key is an integration id: digits, no leading zero) reaches that key's shop;
 * every other path reaches the default shop, so `/api/v1/…` and `/_sandbox/…` keep working
 * for `wmsync sandbox` and for drafts that have no id yet. A simulator's own paths must therefore
 * never start with a segment of digits.
 */
export interface Simulator {
  fetch(request: Request): Response | Promise<Response>;
}

/** The path a shop's simulator is reached under, to put between the system's prefix and its API root. */
export const shopPath = (key?: number): string => (key === undefined ? '' : `/${key}`);

const keyed = /^\/([1-9]\d{0,14})(?=\/|$)/;

export interface ShopRoute {
  simulator: Simulator;
  /** The request as the shop's simulator sees it: its path without the prefix and the key. */
  request: Request;
  /** The key, or undefined for the default shop. */
  key?: number;
  /** Whether it reaches the shop's control API, judged on the path as the simulator's router reads
   * it (decoded), so that no spelling of `/_sandbox` gets past a guard on control calls. */
  control: boolean;
}

export interface ShopOptions {
  /** The default shop's seed; shop N's is derived from it and N. */
  seed: number;
  /** Whether a key may have a shop (the hub: a sandbox integration of this system exists). Default: any. */
  accepts?: (key: number) => boolean | Promise<boolean>;
  /** Shops kept at most; the least recently used goes first. Default 1000. */
  maxShops?: number;
}

export function createShops(open: (seed: number) => Simulator, options: ShopOptions) {
  const maxShops = options.maxShops ?? 1000;
  // A promise per key, so that two first calls at once open one shop, not two.
  const shops = new Map<number, Promise<Simulator | undefined>>();
  let fallback: Simulator | undefined;

  function shop(key: number): Promise<Simulator | undefined> {
    const found = shops.get(key);
    if (found) {
      // Map order is the recency order: the first entry is the least recently used.
      shops.delete(key);
      shops.set(key, found);
      return found;
    }
    // A refused key, or a failed check, is not remembered: the next call asks again.
    const forget = () => shops.get(key) === opening && shops.delete(key);
    const opening: Promise<Simulator | undefined> = Promise.resolve()
      .then(() => options.accepts?.(key) ?? true)
      .then(
        (accepted) => (accepted ? open(deriveSeed(options.seed, key)) : (forget(), undefined)),
        (error: unknown) => {
          forget();
          throw error;
        },
      );
    shops.set(key, opening);
    for (const oldest of shops.keys()) {
      if (shops.size <= maxShops) break;
      shops.delete(oldest);
    }
    return opening;
  }

  return {
    get size(): number {
      return shops.size;
    },
    /** Which shop `request` is for, below `prefix` (e.g. "/sandbox/mycashflow"); undefined when none. */
    async route(request: Request, prefix = ''): Promise<ShopRoute | undefined> {
      const url = new URL(request.url);
      if (!url.pathname.startsWith(prefix)) return undefined;
      const rest = url.pathname.slice(prefix.length);
      if (rest !== '' && !rest.startsWith('/')) return undefined;
      const match = keyed.exec(rest);
      const key = match ? Number(match[1]) : undefined;
      const simulator = key === undefined ? (fallback ??= open(options.seed)) : await shop(key);
      if (!simulator) return undefined;
      url.pathname = rest.slice(match?.[0].length ?? 0) || '/';
      const inner = new Request(url, request);
      const path = getPath(inner);
      return { simulator, request: inner, ...(key === undefined ? {} : { key }), control: path === '/_sandbox' || path.startsWith('/_sandbox/') };
    },
  };
}
