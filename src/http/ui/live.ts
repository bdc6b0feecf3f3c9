import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { principalOf } from '../access.js';
import type { UiDeps } from './deps.js';
import { ownIntegrationById } from '../record-access.js';
import { recordsSoFar } from './run-progress.js';

/** How often the stream looks at the runs table; small, since one query per tick is cheap. */
const TICK_MS = 1000;
/** A comment line now and then, so proxies keep the connection and a gone client is noticed. */
const KEEPALIVE_MS = 15_000;

/**
 * `/ui/events[?integration=ID]`: server-sent events for pages that show runs. Each tick reads the
 * latest runs (of one integration, or of every integration the user may see) and sends a `runs`
 * event when one started, finished or wrote a page (with its records and pages so far, for the
 * progress bars); new failures come with a run, so they are covered. The loop ends when the client goes away.
 */
export function liveEvents({ sync, logger }: UiDeps) {
  const app = new Hono();
  app.get('/ui/events', async (c) => {
    const principal = principalOf(c);
    const asked = c.req.query('integration');
    const integrationId = asked === undefined ? undefined : (await ownIntegrationById(c, sync, asked)).id;

    const latest = async () => {
      const runs = await sync.runs.list({ ...(integrationId ? { integrationId } : {}), limit: 20 });
      if (integrationId || principal.role === 'admin') return runs;
      const mine = new Set((await sync.integrations.list({ goodsOwner: principal.goodsOwner })).map((i) => i.id));
      return runs.filter((r) => mine.has(r.integrationId));
    };
    const fingerprint = (r: Awaited<ReturnType<typeof latest>>[number]) => `${r.status}:${r.pages}:${JSON.stringify(r.counts)}`;

    return streamSSE(c, async (stream) => {
      let closed = false;
      stream.onAbort(() => {
        closed = true;
      });
      try {
        const seen = new Map((await latest()).map((r) => [r.runId, fingerprint(r)]));
        let quiet = 0;
        await stream.writeSSE({ event: 'hello', data: '{}', retry: 3000 });
        while (!closed) {
          await stream.sleep(TICK_MS);
          if (closed) break;
          const runs = await latest();
          // Oldest first, so the last event names the newest change.
          for (const run of [...runs].reverse()) {
            const print = fingerprint(run);
            if (seen.get(run.runId) === print) continue;
            seen.set(run.runId, print);
            const progress = { records: recordsSoFar(run.counts), pages: run.pages };
            await stream.writeSSE({ event: 'runs', data: JSON.stringify({ runId: run.runId, integrationId: run.integrationId, flow: run.flow, status: run.status, ...progress }) });
            quiet = 0;
          }
          for (const id of seen.keys()) if (!runs.some((r) => r.runId === id)) seen.delete(id);
          quiet += TICK_MS;
          if (quiet >= KEEPALIVE_MS) {
            await stream.write(': keep-alive\n\n');
            quiet = 0;
          }
        }
      } catch (e) {
        // The browser reconnects by itself (after `retry`); the reason stays in the log, not in the stream.
        if (!closed) logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'live events stopped');
      }
    });
  });
  return app;
}
