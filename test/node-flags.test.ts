import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '..');
const read = (file: string) => readFileSync(path.join(repo, file), 'utf8');

/** The flags the `wmsync` command's `#!` line gives node: every other way of starting a hub must give the same. */
const shebangFlags = read('bin/wmsync.js').split('\n')[0]!.split(/\s+/).filter((w) => w.startsWith('--'));

describe('the node flags a hub process starts with', () => {
  it('the wmsync command sets the young generation size', () => {
    expect(read('bin/wmsync.js').split('\n')[0]).toMatch(/^#!\/usr\/bin\/env -S node /);
    expect(shebangFlags).toEqual(['--max-semi-space-size=64']);
  });

  it.each([
    ['package.json (npm start)', () => [(JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start!]],
    ['the systemd units', () => ['docs/deploy/wmsync-serve.service', 'docs/deploy/wmsync-worker.service'].map((f) => read(f).split('\n').find((l) => l.startsWith('ExecStart='))!)],
    ['the compose file', () => read('docs/deploy/compose.yaml').split('\n').filter((l) => /command: \["node"/.test(l))],
    ['the one-machine check', () => [read('docs/deploy/check-on-one-machine.sh').split('\n').find((l) => l.startsWith('W='))!]],
  ])('%s start node with them', (_what, lines) => {
    const found = lines();
    expect(found.length).toBeGreaterThan(0);
    for (const line of found) for (const flag of shebangFlags) expect(line).toContain(flag);
  });
});
