import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { HttpApp } from './app.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the app on host:port (127.0.0.1 by default: not reachable from other hosts unless configured). */
export function startHttpServer(app: HttpApp, options: { host: string; port: number }): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    server.once('error', reject);
  });
}
