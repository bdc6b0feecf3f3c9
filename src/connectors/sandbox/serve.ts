import { serve } from '@hono/node-server';

/** A sandbox served over HTTP: its origin, and a close that also drops kept-alive connections. */
export interface ServedSandbox {
  origin: string;
  close(): Promise<void>;
}

/** Serves a sandbox's fetch handler on 127.0.0.1 and a free port unless told otherwise. */
export function serveSandbox(fetch: (request: Request) => Response | Promise<Response>, options: { port?: number; host?: string } = {}): Promise<ServedSandbox> {
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve) => {
    const server = serve({ fetch, port: options.port ?? 0, hostname: host }, (info) => {
      resolve({
        origin: `http://${host}:${info.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
  });
}
