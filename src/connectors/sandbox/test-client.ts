/** An app that answers requests in process, as a simulator's Hono app does. */
interface InProcess {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

/**
 * Calls a simulator in process with a JSON body (when one is given); answers the status, the
 * headers and the parsed body. Tests of every simulator call their API this way.
 */
export async function callJson(app: InProcess, method: string, path: string, options: { headers?: Record<string, string>; body?: unknown } = {}) {
  const { headers = {}, body } = options;
  const response = await app.request(path, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  // Tests read whatever the system answers; the wire schemas check it where it matters.
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as any };
}
