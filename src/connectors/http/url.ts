import { WmsyncError } from '../../kernel/errors.js';

export type QueryValue = string | number | boolean | undefined | (string | number)[];
export type Query = Record<string, QueryValue>;

/**
 * `path` joined onto `base` with exactly one slash between them. An absolute URL is accepted only
 * on the base's origin (paging "next" links): anywhere else it would receive our credentials.
 */
export function buildUrl(base: URL, path: string, query: Query | undefined): URL {
  const url = /^https?:\/\//i.test(path) ? new URL(path) : new URL(joinPath(base.href, path));
  if (url.origin !== base.origin) {
    throw new WmsyncError('system', `refusing to send credentials for ${base.origin} to ${url.origin}`);
  }
  return appendQuery(url, query);
}

/** `query` added after the URL's own; written by encodeQuery, as URLSearchParams would re-encode the commas of lists. */
export function appendQuery(url: URL, query: Query | undefined): URL {
  const encoded = encodeQuery(query);
  const joined = new URL(url);
  if (encoded) joined.search = url.search ? `${url.search}&${encoded}` : `?${encoded}`;
  return joined;
}

function joinPath(base: string, path: string): string {
  const trimmedPath = path.replace(/^\/+/, '');
  const trimmedBase = base.replace(/\/+$/, '');
  return trimmedPath ? `${trimmedBase}/${trimmedPath}` : trimmedBase;
}

/**
 * Undefined values and empty lists are left out (absent, not "match nothing"); lists become one
 * comma-separated value, the form the connected REST APIs read. Each item is percent-encoded on its
 * own, so a comma inside an item stays distinguishable from the separator.
 */
export function encodeQuery(query: Query | undefined): string {
  if (!query) return '';
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const items = Array.isArray(value) ? value : [value];
    if (items.length === 0) continue;
    pairs.push(`${encodeURIComponent(key)}=${items.map((item) => encodeURIComponent(String(item))).join(',')}`);
  }
  return pairs.join('&');
}
