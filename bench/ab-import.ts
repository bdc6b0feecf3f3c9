/**
 * Is a change to the import faster? On a machine whose speed drifts by ±15% between runs, two runs
 * of the bench cannot tell a few percent; alternated processes can. Runs bench/import-process.ts
 * from another checkout ("before") and from this one ("after") in turn against one sandbox, and
 * prints each pass's median seconds and CPU per record, after / before.
 *   git worktree add /tmp/before <commit> && ln -s "$PWD/node_modules" /tmp/before/node_modules
 *   node --import tsx bench/ab-import.ts /tmp/before [SIZE=10000] [PAIRS=5]
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { hubNodeFlags } from './hub.js';
import type { PassRow } from './import-process.js';
import { startSandbox } from './mycashflow-sandbox.js';

const [before, size = '10000', pairs = '5'] = process.argv.slice(2);
if (!before) throw new Error('usage: bench/ab-import.ts BEFORE_CHECKOUT [SIZE] [PAIRS]');
const trees = { before: path.resolve(before), after: path.resolve(import.meta.dirname, '..') };

const sandbox = await startSandbox(Number(size), 0);
const passes = (tree: string) =>
  new Promise<PassRow[]>((resolve, reject) => {
    const child = spawn(process.execPath, [...hubNodeFlags, '--expose-gc', '--import', 'tsx', path.join(tree, 'bench/import-process.ts'), 'wmsync', sandbox.url], { cwd: tree, stdio: ['ignore', 'pipe', 'inherit'] });
    const rows: PassRow[] = [];
    createInterface({ input: child.stdout! }).on('line', (line) => rows.push(JSON.parse(line) as PassRow));
    child.once('exit', (code) => (code === 0 ? resolve(rows) : reject(new Error(`${tree}: bench/import-process.ts exited with ${code}`))));
  });

try {
  const runs: Record<keyof typeof trees, PassRow[][]> = { before: [], after: [] };
  for (let i = 0; i < Number(pairs); i++) {
    for (const side of i % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const)) runs[side].push(await passes(trees[side]));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const figures = (side: keyof typeof trees, i: number) => {
    const rows = runs[side].map((r) => r[i]!);
    return { seconds: median(rows.map((r) => r.seconds)), cpuPerRecord: median(rows.map((r) => r.cpuMs)) / rows[0]!.records };
  };
  console.log(`${pairs} alternated pairs, ${size} products and orders; after = ${trees.after}, before = ${trees.before}`);
  for (const [i, row] of runs.after[0]!.entries()) {
    const [b, a] = [figures('before', i), figures('after', i)];
    console.log(
      `${row.flow} ${row.pass}: seconds ${b.seconds.toFixed(3)} → ${a.seconds.toFixed(3)} (${(a.seconds / b.seconds).toFixed(3)}×), ` +
        `CPU ms per record ${b.cpuPerRecord.toFixed(4)} → ${a.cpuPerRecord.toFixed(4)} (${(a.cpuPerRecord / b.cpuPerRecord).toFixed(3)}×)`,
    );
  }
} finally {
  sandbox.close();
}
