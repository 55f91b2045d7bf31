/**
 * The BUILT preload (out/preload/index.cjs), run the way a sandboxed Electron preload runs: a
 * CommonJS script whose only module is `electron`. It must expose exactly one function per API
 * method, each invoking that method's fixed channel, and `on(name, fn)` for the contract's events
 * (one listener on the one event channel), and nothing else (no ipcRenderer, no Node).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { channelFor, methodNames } from '@shared/api';
import { EVENT_CHANNEL } from '@shared/api/events';

const root = path.resolve(__dirname, '../..');
const built = path.join(root, 'out/preload/index.cjs');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    const info = statSync(full);
    newest = Math.max(newest, info.isDirectory() ? newestSource(full) : info.mtimeMs);
  }
  return newest;
}

/** Build when the preload is missing or older than its sources (unit tests may run before `npm run build`). */
function ensureBuilt(): void {
  const sources = Math.max(newestSource(path.join(root, 'src/preload')), newestSource(path.join(root, 'src/shared')));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'pipe',
      timeout: 240_000,
    },
  );
}

interface Loaded {
  exposed: Map<string, unknown>;
  invocations: Array<{ channel: string; args: unknown[] }>;
  required: string[];
  /** what the preload listens to on ipcRenderer */
  listeners: Array<{ channel: string; fn: (event: unknown, ...args: unknown[]) => void }>;
}

function runPreload(source: string): Loaded {
  const exposed = new Map<string, unknown>();
  const invocations: Loaded['invocations'] = [];
  const required: string[] = [];
  const listeners: Loaded['listeners'] = [];
  const electron = {
    contextBridge: {
      exposeInMainWorld(key: string, api: unknown) {
        if (exposed.has(key)) throw new Error(`exposed twice: ${key}`);
        exposed.set(key, api);
      },
    },
    ipcRenderer: {
      invoke(channel: string, ...args: unknown[]) {
        invocations.push({ channel, args });
        return Promise.resolve({ ok: true, value: channel });
      },
      on(channel: string, fn: (event: unknown, ...args: unknown[]) => void) {
        if (channel !== EVENT_CHANNEL) throw new Error(`the preload must not listen to ${channel}`);
        listeners.push({ channel, fn });
      },
      send() {
        throw new Error('the preload must not send raw IPC');
      },
    },
  };
  const module = { exports: {} as unknown };
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require "${name}"`);
  };
  const context = vm.createContext({ require: sandboxRequire, module, exports: module.exports, console });
  vm.runInContext(source, context, { filename: 'index.cjs' });
  return { exposed, invocations, required, listeners };
}

describe('the built preload', () => {
  let source = '';
  beforeAll(() => {
    ensureBuilt();
    source = readFileSync(built, 'utf8');
  }, 300_000);

  it('is CommonJS: no import/export statements, electron reached through require', () => {
    expect(source).not.toMatch(/^\s*import\s+(?:[\w{}*\s,]+from\s+)?['"]/m);
    expect(source).not.toMatch(/^\s*export\s+(?:\{|default|const|function|class|let|var|\*)/m);
    expect(source).not.toMatch(/\bimport\.meta\b/);
    expect(source).toMatch(/require\(["']electron["']\)/);
    // it parses as a classic script (an ES module would throw a SyntaxError here)
    expect(() => new vm.Script(source, { filename: 'index.cjs' })).not.toThrow();
  });

  it('requires nothing but electron (sandboxed preloads have no Node modules)', () => {
    const requires = [...source.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
    expect(runPreload(source).required).toEqual(['electron']);
  });

  it('exposes one object, `hashiya`, with exactly the contract’s methods and on()', () => {
    const { exposed } = runPreload(source);
    expect([...exposed.keys()]).toEqual(['hashiya']);
    const api = exposed.get('hashiya') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...methodNames, 'on'].sort());
    for (const name of methodNames) expect(typeof api[name], name).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
    // no raw Electron or Node object is reachable from what the page gets
    for (const value of Object.values(api)) expect(Object.keys(value as object)).toEqual([]);
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipcRenderer|invoke|send|require|process/);
  });

  it('each method invokes its own channel with the input, unchanged', async () => {
    const { exposed, invocations } = runPreload(source);
    const api = exposed.get('hashiya') as Record<string, (input: unknown) => Promise<unknown>>;
    for (const name of methodNames) {
      const input = { probe: name };
      await api[name]!(input);
      const last = invocations.at(-1)!;
      expect(last.channel, name).toBe(channelFor(name));
      expect(last.args).toEqual([input]);
    }
    expect(invocations).toHaveLength(methodNames.length);
  });

  it('listens once, on the event channel, and hands subscribers only events that pass their schema', () => {
    const { exposed, listeners } = runPreload(source);
    expect(listeners.map((l) => l.channel)).toEqual([EVENT_CHANNEL]);
    const api = exposed.get('hashiya') as { on(name: string, fn: (data: unknown) => void): () => void };
    const seen: unknown[] = [];
    const off = api.on('menu.command', (data) => seen.push(data));
    const send = (envelope: unknown) => listeners[0]?.fn({}, envelope);
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      send({ name: 'menu.command', data: { command: 'undo' } });
      send({ name: 'menu.command', data: { command: 'shell:rm -rf ~' } });
      send({ name: 'constructor', data: {} });
      off();
      send({ name: 'menu.command', data: { command: 'redo' } });
    } finally {
      console.warn = warn;
    }
    expect(seen).toEqual([{ command: 'undo' }]);
    expect(() => api.on('hashiya-menu', () => undefined)).toThrow();
  });
});
