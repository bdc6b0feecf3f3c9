/**
 * Where a first import's time goes: one MyCashflow import of SIZE products (the sandbox in a
 * process of its own), profiled by V8's sampling profiler. Prints the run's seconds, the share of
 * garbage collection and the functions that took the most time themselves; writes the profile
 * (open it in Chrome's DevTools). Compare the hub's flags with V8's defaults:
 *   node --max-semi-space-size=64 --import tsx bench/profile-import.ts 10000 article-import
 *   node --import tsx bench/profile-import.ts 10000 article-import
 * A third argument `no-change` profiles the second pass instead: the shop read again whole, with
 * nothing changed (the first pass runs unprofiled before it).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hub } from './hub.js';
import { startSandbox } from './mycashflow-sandbox.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const size = Number(process.argv[2] ?? 10_000);
const flow = (process.argv[3] ?? 'article-import') as 'article-import' | 'order-import';
const pass = process.argv[4] === 'no-change' ? 'no-change' : 'first';
const sandbox = await startSandbox(size, 0);
const h = await hub(sandbox.url);
if (pass === 'no-change') {
  await h.sync.engine.runFlow(h.integration.id, flow, { trigger: 'manual' });
  // As bench/import-process.ts: no cursor, so the whole shop is read again.
  await h.store.db.deleteFrom('cursors').execute();
}
const session = new Session();
session.connect();
try {
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const started = performance.now();
  const run = await h.sync.engine.runFlow(h.integration.id, flow, { trigger: 'manual' });
  const seconds = (performance.now() - started) / 1000;
  const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
  const file = path.join(tmpdir(), `wmsync-${flow}-${pass}-${size}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));

  // Time per function, counted where the sample was taken ("self" time).
  const frameOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = frameOf.get(id)!;
    // The file only: through tsx's transform the line numbers are not the source's.
    const name = `${frame.functionName || '(anonymous)'} ${path.relative(process.cwd(), frame.url.replace('file://', ''))}`;
    const micros = profile.timeDeltas[i] ?? 0;
    self.set(name, (self.get(name) ?? 0) + micros);
    total += micros;
  });
  const share = (micros: number) => `${((100 * micros) / total).toFixed(1)}%`;
  const gc = [...self].filter(([name]) => name.startsWith('(garbage collector)')).reduce((sum, [, micros]) => sum + micros, 0);
  console.log(`${flow} (${pass} pass) of ${size} products: ${run.status}, ${seconds.toFixed(2)} s, node ${process.execArgv.filter((a) => a.startsWith('--max')).join(' ') || '(V8 defaults)'}`);
  console.log(`garbage collection: ${share(gc)} of the profile`);
  for (const [name, micros] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${share(micros).padStart(6)}  ${name}`);
  console.log(`profile: ${file}`);
} finally {
  session.disconnect();
  await h.close();
  sandbox.close();
}
