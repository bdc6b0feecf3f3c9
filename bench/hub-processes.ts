/**
 * A hub for the cluster benchmarks (take-over, load): one data directory, the CLI run in this
 * process, and `wmsync worker` / `wmsync serve` processes started from the sources. A process can
 * be given a host name of its own (a UTS namespace, where `unshare` is allowed), so that two
 * processes on this machine stand for two machines of a cluster.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../src/main.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
const entry = "import { main } from './src/main.ts'; process.exitCode = await main(process.argv.slice(1));";

/** Whether this machine lets a process take a host name of its own (root, or user namespaces). */
export function canNameHosts(): boolean {
  try {
    return execFileSync('unshare', ['--uts', 'sh', '-c', 'hostname wmsync-probe && hostname'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() === 'wmsync-probe';
  } catch {
    return false;
  }
}

export function benchHub(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wmsync-cluster-bench-'));
  const hubEnv: Record<string, string> = { WMSYNC_DATA_DIR: dataDir, WMSYNC_ALLOW_PRIVATE_TARGETS: '127.0.0.1', WMSYNC_LOG_LEVEL: 'error', ...env };
  const children: ChildProcess[] = [];

  return {
    dataDir,
    env: hubEnv,
    /** `wmsync ARGS` in this process; throws with its error output unless it succeeds. */
    async cli(...args: string[]): Promise<string> {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, hubEnv);
      if (code !== 0) throw new Error(`wmsync ${args.join(' ')} exited with ${code}: ${err.join('\n')}`);
      return out.join('\n');
    },
    /** `wmsync ARGS` as a process of its own, on host `hostname` when given. */
    spawn(args: string[], options: { hostname?: string; env?: Record<string, string> } = {}): ChildProcess {
      const node = [process.execPath, '--import', 'tsx', '--input-type=module', '-e', entry, '--', ...args];
      const [command, ...rest] = options.hostname ? ['unshare', '--uts', 'sh', '-c', `hostname ${options.hostname} && exec "$0" "$@"`, ...node] : node;
      const child = spawn(command!, rest, { cwd: repoRoot, env: { ...process.env, ...hubEnv, WMSYNC_LOG_PRETTY: 'false', ...options.env }, stdio: ['ignore', 'pipe', 'inherit'] });
      child.stdout!.resume();
      children.push(child);
      return child;
    },
    close(): void {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type BenchHub = ReturnType<typeof benchHub>;

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 120_000): Promise<void> {
  for (const until = Date.now() + timeoutMs; !(await check()); await pause(50)) if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
}
