/** The MyCashflow sandbox of the import benches, in a process of its own (bench/sandbox-process.ts). */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';

export interface SandboxFacts {
  url: string;
  openOrders: number;
  cancelledOrders: number;
  someOpenOrder: number;
  processableOrder: number;
}

/** Starts bench/sandbox-process.ts and waits for its facts line. */
export async function startSandbox(size: number, latencyMs: number): Promise<SandboxFacts & { control: string; close(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, 'sandbox-process.ts'), String(size), String(latencyMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the sandbox exited with ${code}`)));
  });
  const facts = JSON.parse(line) as SandboxFacts;
  return { ...facts, control: `${new URL(facts.url).origin}/_sandbox`, close: () => child.kill('SIGTERM') };
}

/** The sandbox's control API: clear or count recorded requests, change an order. */
export const control = async (sandbox: { control: string }, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${sandbox.control}${path}`, { method, ...(body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}) });
  return (res.status === 204 ? undefined : res.json()) as Promise<any>;
};
