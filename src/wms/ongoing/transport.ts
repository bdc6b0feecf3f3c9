import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { OutboundPolicy } from '../../connectors/http/outbound.js';

/**
 * `fetch` on Node's http/https modules, with an explicit Content-Length. Ongoing's IIS/WAF
 * answered 500 to every request of Node's global fetch (undici) while the https module worked
 * (research note §1, "Node/TypeScript pitfall"); this is the adapter's default transport, and
 * `transport=fetch` switches back once a tenant is known to take fetch. The hub's outbound rule
 * is checked before each request, as its guarded fetch does.
 */
export function nodeHttpsFetch(outbound?: Pick<OutboundPolicy, 'checkUrl'>): typeof fetch {
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    outbound?.checkUrl(url.href, 'the Ongoing WMS address');
    const body = typeof init.body === 'string' ? Buffer.from(init.body, 'utf8') : undefined;
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => (headers[key] = value));
    if (body) headers['content-length'] = String(body.length);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<Response>((resolve, reject) => {
      const req = send(url, { method: init.method ?? 'GET', headers, ...(init.signal ? { signal: init.signal } : {}) }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const responseHeaders = new Headers();
          for (const [key, value] of Object.entries(res.headers)) {
            if (value !== undefined) responseHeaders.set(key, Array.isArray(value) ? value.join(', ') : value);
          }
          const status = res.statusCode ?? 500;
          const noBody = status === 204 || status === 304;
          resolve(new Response(noBody ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage ?? '', headers: responseHeaders }));
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }) as typeof fetch;
}
