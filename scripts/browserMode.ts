/**
 * Browser mode as a user runs it, `node out/main/web.js --data DIR --port 0 --token T --no-open`,
 * started for the e2e tests and the benchmarks alike: waits for the line that names the URL, and
 * offers an API caller, the server's memory and a clean stop.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface BrowserModeOptions {
  /** the project folder (--data) */
  dataDir: string;
  /** the per-user folder (recent projects …); kept out of the real one */
  userData: string;
  /** the checkout whose out/ is run (default: the current folder) */
  root?: string;
  token?: string;
  /** how long the server may take to say it is running */
  startTimeoutMs?: number;
}

export interface ApiResult<T = unknown> {
  status: number;
  body: T;
}

export interface BrowserMode {
  child: ChildProcess;
  url: string;
  origin: string;
  token: string;
  /** Date.now() just before the process was spawned */
  spawnedAt: number;
  /** Date.now() when the line naming the URL arrived (the server listens) */
  readyAt: number;
  /** POST /api/<method> with the token: the status and the parsed body, whatever they are */
  request<T = unknown>(method: string, input?: unknown): Promise<ApiResult<T>>;
  /** the same, throwing unless the server answered 200 */
  call<T = unknown>(method: string, input?: unknown): Promise<T>;
  /** resident memory of the server process, in MB (Linux) */
  rssMb(): number;
  /** SIGTERM (the server flushes its writes), SIGKILL if it has not exited within `graceMs` */
  stop(graceMs?: number): Promise<void>;
}

export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  const token = options.token ?? randomBytes(16).toString('hex');
  const root = options.root ?? '.';
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  const spawnedAt = Date.now();
  const child = spawn(
    process.execPath,
    [path.join(root, 'out/main/web.js'), '--data', options.dataDir, '--port', '0', '--token', token, '--no-open'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, HASHIYA_USER_DATA: options.userData },
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`the server did not start within ${timeoutMs / 1000} s: ${out}${err}`)),
      timeoutMs,
    );
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
  const readyAt = Date.now();
  const origin = new URL(url).origin;
  const request = async <T>(method: string, input: unknown = {}): Promise<ApiResult<T>> => {
    const res = await fetch(`${origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    });
    return { status: res.status, body: (await res.json()) as T };
  };
  const call = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const { status, body } = await request<T>(method, input);
    if (status !== 200) throw new Error(`${method} answered ${status}: ${JSON.stringify(body)}`);
    return body;
  };
  const rssMb = () => {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return kb / 1024;
  };
  const stop = async (graceMs = 10_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), graceMs).unref();
    });
  };
  return { child, url, origin, token, spawnedAt, readyAt, request, call, rssMb, stop };
}
