// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventEnvelope } from '@shared/api/events';

type Seen = Array<{ event: EventEnvelope['name']; data: unknown; source: string }>;

async function load() {
  vi.resetModules();
  const appEvents = await import('../app/appEvents');
  const transport = await import('./events');
  const seen: Seen = [];
  const offs = (['menu.command', 'annotations.changed', 'documents.changed', 'project.changed'] as const).map((name) =>
    appEvents.onAppEvent(name, (data, source) => seen.push({ event: name, data, source })),
  );
  return { ...transport, appEvents, seen, off: () => offs.forEach((off) => off()) };
}

afterEach(() => {
  delete window.hashiya;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the desktop app’s event transport (the preload’s on)', () => {
  it('subscribes once per event and hands the page only what passes the schemas, as from main', async () => {
    const listeners = new Map<string, (data: unknown) => void>();
    window.hashiya = {
      on: ((name: string, fn: (data: unknown) => void) => {
        listeners.set(name, fn);
        return () => listeners.delete(name);
      }) as never,
    };
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { startEventTransport, seen, off } = await load();
    const stop = startEventTransport();
    expect([...listeners.keys()].sort()).toEqual(
      [
        'annotations.changed',
        'documents.changed',
        'menu.command',
        'page.settle',
        'project.changed',
        'unsaved.changed',
      ].sort(),
    );
    listeners.get('menu.command')?.({ command: 'undo' });
    listeners.get('menu.command')?.({ command: 'rm -rf' });
    listeners.get('annotations.changed')?.({ documentIds: ['d1'] });
    expect(seen).toEqual([
      { event: 'menu.command', data: { command: 'undo' }, source: 'main' },
      { event: 'annotations.changed', data: { documentIds: ['d1'] }, source: 'main' },
    ]);
    stop();
    expect(listeners.size).toBe(0);
    off();
  });
});

describe('browser mode’s event transport (GET /api/events read with fetch)', () => {
  it('sends the token in the header, not the address, and delivers the stream’s events in order', async () => {
    const chunks = [
      ': connected\n\nevent: documents.changed\ndata: {"documentIds":["d',
      '1"]}\n\n: heartbeat\n\nevent: menu.command\ndata: {"command":"nope"}\n\n',
      'event: annotations.changed\ndata: {"documentIds":null}\n\n',
    ];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => {
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
          await held; // the stream stays open until the test is done
          controller.close();
        },
      });
      return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
    });
    vi.stubGlobal('fetch', fetchMock);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    window.location.hash = '#token=s3ssion-t0ken';
    const { startEventTransport, seen, off } = await load();
    const stop = startEventTransport();
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen).toEqual([
      { event: 'documents.changed', data: { documentIds: ['d1'] }, source: 'main' },
      { event: 'annotations.changed', data: { documentIds: null }, source: 'main' },
    ]);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/events');
    expect(url).not.toMatch(/token/);
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer s3ssion-t0ken');
    stop();
    release();
    off();
  });
});

const info = (path: string, name = 'P') => ({
  name,
  path,
  schemaVersion: 1,
  documentCount: 0,
  annotationCount: 0,
  settings: {
    annotator: null,
    snapToWords: true,
    uiLanguage: 'en' as const,
    textSize: 20,
    coderId: null,
    blind: false,
  },
  notices: [],
  unsaved: [],
});

describe('the page’s one copy of project.info', () => {
  it('follows project.changed and unsaved.changed; another project (a new path) starts the views over', async () => {
    vi.resetModules();
    const { emitAppEvent } = await import('../app/appEvents');
    const store = await import('../app/projectInfo');
    let published = 0;
    store.subscribeProjectInfo(() => published++);
    emitAppEvent('project.changed', { info: info('/a') });
    expect(store.getProjectInfo()).toEqual({ info: info('/a'), generation: 0 });
    emitAppEvent('project.changed', { info: info('/a') });
    expect(published).toBe(1); // the same info again re-renders nothing
    emitAppEvent('project.changed', { info: info('/a', 'Renamed') });
    expect(store.getProjectInfo().generation).toBe(0);
    const unsaved = [{ documentId: null, title: 'project.json', reason: 'disk full' }];
    emitAppEvent('unsaved.changed', { unsaved });
    expect(store.getProjectInfo().info?.unsaved).toEqual(unsaved);
    emitAppEvent('project.changed', { info: info('/b') });
    expect(store.getProjectInfo()).toEqual({ info: info('/b'), generation: 1 });
  });
});

describe('a late answer of project.info', () => {
  it('does not replace the newer info an event brought meanwhile (no flicker back to the old project)', async () => {
    let answer: (body: unknown) => void = () => undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn(
        () =>
          new Promise<Response>((resolve) => {
            answer = (body) => resolve(new Response(JSON.stringify(body), { status: 200 }));
          }),
      ),
    );
    vi.resetModules();
    const { emitAppEvent } = await import('../app/appEvents');
    const store = await import('../app/projectInfo');
    const old = { ...info('/old'), name: 'old' };
    emitAppEvent('project.changed', { info: old });
    const refreshing = store.refreshProjectInfo();
    emitAppEvent('project.changed', { info: info('/new') });
    answer(old);
    await refreshing;
    expect(store.getProjectInfo().info?.path).toBe('/new');
  });
});

describe('Edit ▸ Undo in a text field', () => {
  it('runs the field’s own undo outside the reader, and leaves the reader’s fields and other focus alone', async () => {
    vi.resetModules();
    const { undoInTextField } = await import('../app/textFieldUndo');
    const exec = vi.fn(() => true);
    document.execCommand = exec;
    document.body.innerHTML = `
      <input id="search" type="search"><textarea id="note"></textarea><button id="b">x</button>
      <div id="editable" contenteditable="true"></div><input id="check" type="checkbox">
      <main class="reader"><input id="claimant"></main>`;
    const focus = (id: string) => (document.getElementById(id) as HTMLElement).focus();

    focus('search');
    expect(undoInTextField('undo')).toBe(true);
    focus('note');
    expect(undoInTextField('redo')).toBe(true);
    expect(exec.mock.calls).toEqual([['undo'], ['redo']]);
    expect(undoInTextField('find')).toBe(false);
    for (const id of ['b', 'check', 'claimant']) {
      focus(id);
      expect(undoInTextField('undo'), id).toBe(false);
    }
    expect(exec).toHaveBeenCalledTimes(2);
  });
});
