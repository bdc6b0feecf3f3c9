import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { clientScript } from './assets/client.js';
import { styles } from './assets/styles.js';

const version = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 10);

/** Asset URLs carry a hash of their content, so browsers may keep them for a year and still see changes. */
export const assetUrls = {
  css: `/ui/assets/app.css?v=${version(styles)}`,
  js: `/ui/assets/app.js?v=${version(clientScript)}`,
};

/** The style sheet and script, public (the sign-in page uses the style sheet too). */
export function assetRoutes() {
  const app = new Hono();
  const cache = { 'cache-control': 'public, max-age=31536000, immutable' };
  app.get('/ui/assets/app.css', (c) => c.body(styles, 200, { ...cache, 'content-type': 'text/css; charset=utf-8' }));
  app.get('/ui/assets/app.js', (c) => c.body(clientScript, 200, { ...cache, 'content-type': 'text/javascript; charset=utf-8' }));
  return app;
}
