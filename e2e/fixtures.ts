/**
 * Browser-mode fixtures: each test gets its own Hashiya server (`node out/main/web.js`) on a free
 * port with a fresh project folder, a page opened on it, an API caller, and a record of every
 * request the page made. Teardown fails the test if any request left 127.0.0.1.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

export interface ApiResult<T = unknown> {
  status: number;
  body: T;
}

export interface Hashiya {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** call an API method; returns the status and parsed JSON body */
  call<T = unknown>(method: string, input?: unknown): Promise<ApiResult<T>>;
  /** call an API method and fail the test unless it answers 200 */
  ok<T = unknown>(method: string, input?: unknown): Promise<T>;
  /** every URL the page requested */
  requests: string[];
  /** the bundled sample article's document */
  sample(): Promise<{ id: string; text: string; title: string }>;
  /** open the app in the page (with the token) and wait for the library */
  open(page: Page): Promise<void>;
  /** open a document in the reader and wait for its text */
  openDocument(page: Page, title: string): Promise<void>;
  server: ChildProcess;
}

export async function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string; token: string }> {
  const token = randomBytes(16).toString('hex');
  const child = spawn(process.execPath, ['out/main/web.js', '--data', dataDir, '--port', '0', '--token', token, '--no-open'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // the recent-projects list and other per-user files stay inside the test's folder
    env: { ...process.env, HASHIYA_USER_DATA: path.join(dataDir, '.user-data') },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}${err}`)), 20_000);
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
      reject(new Error(`server exited with ${code}: ${out}${err}`));
    });
  });
  return { child, url, token };
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

export const test = base.extend<{ hashiya: Hashiya }>({
  hashiya: async ({ page }, use) => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-e2e-'));
    const { child, url, token } = await startServer(dataDir);
    const origin = new URL(url).origin;
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const call = async <T,>(method: string, input: unknown = {}): Promise<ApiResult<T>> => {
      const res = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
      return { status: res.status, body: (await res.json()) as T };
    };
    const ok = async <T,>(method: string, input: unknown = {}): Promise<T> => {
      const r = await call<T>(method, input);
      expect(r.status, `${method} → ${JSON.stringify(r.body)}`).toBe(200);
      return r.body;
    };
    const hashiya: Hashiya = {
      url,
      origin,
      token,
      dataDir,
      call,
      ok,
      requests,
      server: child,
      sample: async () => {
        const docs = await ok<Array<{ id: string; source: string }>>('documents.list');
        const sample = docs.find((d) => d.source.startsWith('Sample')) ?? docs[0];
        if (!sample) throw new Error('no sample document');
        return ok('documents.get', { id: sample.id });
      },
      open: async (p) => {
        await p.goto(url);
        await expect(p.getByRole('heading', { level: 1 })).toBeVisible();
      },
      openDocument: async (p, title) => {
        await p.getByRole('button', { name: title }).first().click();
        await expect(p.getByTestId('article')).toBeVisible();
      },
    };
    await use(hashiya);
    await stopServer(child);
    await rm(dataDir, { recursive: true, force: true });
    const external = requests.filter((u) => {
      if (u.startsWith('data:') || u.startsWith('blob:')) return false;
      const host = new URL(u).hostname;
      return host !== '127.0.0.1';
    });
    expect(external, 'requests that left 127.0.0.1').toEqual([]);
  },
});

export { expect };
