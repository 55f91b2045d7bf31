/** Browser mode as a user runs it: `node out/main/web.js --data DIR --port 0 --token T --no-open`. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface Server {
  child: ChildProcess;
  url: string;
  origin: string;
  token: string;
  /** Date.now() just before the process was spawned */
  spawnedAt: number;
  call<T = unknown>(method: string, input?: unknown): Promise<T>;
  rssMb(): number;
  stop(): Promise<void>;
}

export async function startServer(root: string, dataDir: string, userData: string): Promise<Server> {
  const token = 'bench-token-0123456789';
  const spawnedAt = Date.now();
  const child = spawn(process.execPath, [path.join(root, 'out/main/web.js'), '--data', dataDir, '--port', '0', '--token', token, '--no-open'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HASHIYA_USER_DATA: userData },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start within 60 s: ${out}${err}`)), 60_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Hashiya is running at (\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}: ${out}${err}`));
    });
  });
  const origin = new URL(url).origin;
  const call = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const res = await fetch(`${origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as T;
    if (res.status !== 200) throw new Error(`${method} answered ${res.status}: ${JSON.stringify(body)}`);
    return body;
  };
  const rssMb = () => {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return kb / 1024;
  };
  const stop = async () => {
    if (child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  };
  return { child, url, origin, token, spawnedAt, call, rssMb, stop };
}
