import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { main } from '../../src/main.js';
import type { TestStore } from './stores.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (for --json runs). */
  json<T = any>(): T;
}

/** The environment that points the CLI at a test store: its data dir, or its PostgreSQL schema. */
export function cliEnv(store: TestStore): Record<string, string> {
  // The tests' sandboxes listen on loopback, which an administrator allows for a hub like this one.
  const env: Record<string, string> = { WMSYNC_DATA_DIR: store.dataDir, WMSYNC_LOG_LEVEL: 'error', WMSYNC_ALLOW_PRIVATE_TARGETS: '127.0.0.1' };
  if (store.dialect === 'postgres') {
    env.DATABASE_URL = process.env.DATABASE_URL!;
    env.WMSYNC_DB_SCHEMA = store.schema!;
  }
  return env;
}

/** Runs `wmsync ARGS` in-process, exactly as the binary does, capturing stdout and stderr. */
export async function runCli(store: TestStore, ...args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, cliEnv(store));
  const stdout = out.join('\n');
  return { code, stdout, stderr: err.join('\n'), json: () => JSON.parse(stdout) };
}

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Starts `wmsync ARGS` as a real process from the sources (for `serve`). */
export function spawnCli(store: TestStore, args: string[]): ChildProcess {
  const entry = "import { main } from './src/main.ts'; process.exitCode = await main(process.argv.slice(1));";
  return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', entry, '--', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...cliEnv(store), WMSYNC_LOG_LEVEL: 'info', WMSYNC_LOG_PRETTY: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Waits for a `serve` process to log the address it listens on; its log so far stays readable. */
export async function listening(child: ChildProcess): Promise<{ url: string; log(): string }> {
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const m = /"url":"(http:\/\/[^"]+)"/.exec(log);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${log}`)));
  });
  return { url, log: () => log };
}

/** `wmsync serve --port 0` as a real process: its address once it listens, its log so far, and a stop. */
export async function startHub(store: TestStore, args: string[] = []): Promise<{ url: string; log(): string; child: ChildProcess; stop(): Promise<void> }> {
  const child = spawnCli(store, ['serve', '--port', '0', ...args]);
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await once(child, 'exit');
  };
  return { ...(await listening(child)), child, stop };
}
