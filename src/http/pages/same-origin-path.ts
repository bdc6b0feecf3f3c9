/**
 * The path a sign-in may send the browser on to: a path of this hub, or `/`. Browsers forgive a lot
 * when they resolve a Location (`/\evil.example` and `/<TAB>/evil.example` both mean
 * `//evil.example`, another host), so anything with a backslash or a control character is refused
 * outright, and what is left must parse, against the hub's own origin, to that origin with a path
 * that does not itself start with `//`. The parsed form is returned, so the browser resolves
 * exactly what was checked.
 */
export function sameOriginPath(next: string | undefined, origin: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(next)) return '/';
  const url = new URL(next, origin);
  if (url.origin !== origin || url.pathname.startsWith('//')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
