/**
 * Browser-mode fixtures: each test gets its own Hashiya server (`node out/main/web.js`) on a free
 * port with a fresh project folder, a page opened on it, an API caller, and a record of every
 * request the page made. Teardown fails the test if any request left 127.0.0.1.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startBrowserMode, type ApiResult } from '../scripts/browserMode';

export type { ApiResult };

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
  /** the id of the actor of that name in the registry (added the first time it is asked for) */
  actor(name: string): Promise<string>;
  /** open the app in the page (with the token) and wait for the library */
  open(page: Page): Promise<void>;
  /** open a document in the reader and wait for its text */
  openDocument(page: Page, title: string): Promise<void>;
  server: ChildProcess;
}

export const test = base.extend<{ hashiya: Hashiya }>({
  hashiya: async ({ page }, use) => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-e2e-'));
    // the recent-projects list and other per-user files stay inside the test's folder
    const server = await startBrowserMode({
      dataDir,
      userData: path.join(dataDir, '.user-data'),
      startTimeoutMs: 20_000,
    });
    const { child, url, origin, token } = server;
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const call = server.request;
    const ok = async <T>(method: string, input: unknown = {}): Promise<T> => {
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
      actor: async (name) => {
        const registry = await ok<{ entities: { id: string; nameAr: string; nameLatin: string }[] }>('registry.get');
        const known = registry.entities.find((e) => e.nameAr === name || e.nameLatin === name);
        if (known) return known.id;
        const arabic = /\p{Script=Arabic}/u.test(name);
        const made = await ok<{ entity: { id: string } }>('registry.add', {
          entity: { kind: 'actor', nameAr: arabic ? name : '', nameLatin: arabic ? '' : name },
        });
        return made.entity.id;
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
    await server.stop(5000);
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

/**
 * How long to wait for an import of several files (a PDF parsed in a worker among them) to report
 * every outcome: on a loaded two-core machine it takes longer than the default 10 s wait.
 * A wait, not a speed goal (those are in npm run bench).
 */
export const IMPORT_WAIT = { timeout: 30_000 };
