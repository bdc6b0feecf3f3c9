import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { cliEnv } from '../support/cli.js';
import type { TestStore } from '../support/stores.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const binary = path.join(repoRoot, 'bin/wmsync.js');

/** When the sources were last changed: the newest file under src/ and connectors/. */
function sourcesChangedAt(): number {
  let newest = 0;
  for (const dir of ['src', 'connectors']) {
    for (const file of readdirSync(path.join(repoRoot, dir), { recursive: true, encoding: 'utf8' })) {
      if (file.endsWith('.ts') && !file.endsWith('.test.ts')) newest = Math.max(newest, statSync(path.join(repoRoot, dir, file)).mtimeMs);
    }
  }
  return newest;
}

/**
 * The campaign runs the installed binary (bin/wmsync.js over dist/), as an operator would. CI
 * builds it (`npm ci` runs the prepare script); here it is built again when it is missing or older
 * than the sources, so that the campaign never tests yesterday's code.
 */
export function ensureBuilt(): void {
  const buildInfo = path.join(repoRoot, 'dist/.tsbuildinfo');
  if (existsSync(path.join(repoRoot, 'dist/src/main.js')) && existsSync(buildInfo) && statSync(buildInfo).mtimeMs >= sourcesChangedAt()) return;
  execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: repoRoot, stdio: 'inherit' });
  // An incremental build that found nothing to emit leaves the file as it was: mark the build as now.
  const now = new Date();
  utimesSync(buildInfo, now, now);
}

/** Starts the installed `wmsync ARGS` (bin/wmsync.js over dist/) against a test store. */
export function spawnBuilt(store: TestStore, args: string[], env: Record<string, string> = {}): ChildProcess {
  const inherited = { ...process.env };
  // The store decides the dialect; a DATABASE_URL of the shell must not turn a SQLite run into PostgreSQL.
  if (store.dialect === 'sqlite') delete inherited.DATABASE_URL;
  return spawn(process.execPath, [binary, ...args], {
    cwd: repoRoot,
    env: { ...inherited, ...cliEnv(store), WMSYNC_LOG_LEVEL: 'warn', WMSYNC_LOG_PRETTY: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Real hub processes, one per command (`['worker']`, `['serve', '--port', '0']`): killed with
 * SIGKILL one at a time, restarted in their slot, stopped with SIGTERM at the end. Their stderr is
 * kept, to explain a process that exits by itself.
 */
export function workerPool(store: TestStore, commands: string[][], env: Record<string, string>) {
  const slots: (ChildProcess | undefined)[] = commands.map(() => undefined);
  const errors: string[] = [];
  let kills = 0;
  /** Kills by command (`worker`, `serve`). */
  const killsOf: Record<string, number> = {};

  const alive = (child?: ChildProcess): child is ChildProcess => child !== undefined && child.exitCode === null && child.signalCode === null;

  function start(slot: number): void {
    const child = spawnBuilt(store, commands[slot]!, env);
    // Read away, or a full pipe would stall the worker.
    child.stdout!.resume();
    child.stderr!.on('data', (chunk: Buffer) => errors.push(`${commands[slot]!.join(' ')} (pid ${child.pid}): ${chunk.toString().trim()}`));
    slots[slot] = child;
  }

  return {
    get kills(): number {
      return kills;
    },
    killsOf,
    errors,
    pids: (): number[] => slots.filter(alive).map((c) => c.pid!),
    /** Starts the slots that have no live process. */
    fill(): void {
      slots.forEach((child, slot) => alive(child) || start(slot));
    },
    /** SIGKILL of the process with this pid, when it is one of ours and alive; true when killed. */
    kill(pid: number): boolean {
      const slot = slots.findIndex((c) => alive(c) && c.pid === pid);
      if (slot < 0) return false;
      slots[slot]!.kill('SIGKILL');
      kills++;
      killsOf[commands[slot]![0]!] = (killsOf[commands[slot]![0]!] ?? 0) + 1;
      return true;
    },
    /** SIGTERM to every process, each finishing its runs; their exit codes. */
    async stop(): Promise<(number | null)[]> {
      return Promise.all(
        slots.filter(alive).map(async (child) => {
          child.kill('SIGTERM');
          const [code] = (await once(child, 'exit')) as [number | null];
          return code;
        }),
      );
    },
    /** For afterAll: nothing left running whatever happened. */
    async killAll(): Promise<void> {
      await Promise.all(
        slots.filter(alive).map(async (child) => {
          child.kill('SIGKILL');
          await once(child, 'exit');
        }),
      );
    },
  };
}

export type WorkerPool = ReturnType<typeof workerPool>;
