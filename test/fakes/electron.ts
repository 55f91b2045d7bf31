/**
 * A fake of the Electron main-process API the shell uses (src/main/shell/electronApi.ts): app,
 * BrowserWindow and its webContents, session, protocol, ipcMain, Menu, dialog, screen, shell.
 * Every call is recorded in `calls` (in order) and on the object it was made on, and the tests
 * play Electron's part on demand: the app becoming ready, a page navigating or opening a link,
 * a permission request, a request of the session, a download, an IPC call, a menu click, an
 * answer to a dialog, a quit.
 *
 * Where Electron refuses a call at the wrong moment, so does the fake: privileged schemes only
 * before `ready`, protocol handlers only after it, one handler per IPC channel, no send to a
 * closed window.
 *
 * In a test of src/main/index.ts, `vi.mock('electron', () => electronModule(() => fake))` lets
 * each test import the entry afresh (vi.resetModules) against a new fake.
 */
import type { ElectronApi } from '../../src/main/shell/electronApi';
import type { BrowserWindow } from '../../src/main/shell/electronApi';

type Fn = (...args: never[]) => unknown;
type AnyFn = (...args: unknown[]) => unknown;

/** Listeners by event name, like Node's EventEmitter (on, once, emit). */
export class FakeEmitter {
  private readonly listeners = new Map<string, Array<{ fn: AnyFn; once: boolean }>>();

  on(name: string, fn: Fn): this {
    this.add(name, fn, false);
    return this;
  }

  once(name: string, fn: Fn): this {
    this.add(name, fn, true);
    return this;
  }

  /** Calls the listeners of `name` in order; false when there were none. */
  emit(name: string, ...args: unknown[]): boolean {
    const list = this.listeners.get(name) ?? [];
    this.listeners.set(
      name,
      list.filter((l) => !l.once),
    );
    for (const l of list) l.fn(...args);
    return list.length > 0;
  }

  listenerCount(name: string): number {
    return this.listeners.get(name)?.length ?? 0;
  }

  private add(name: string, fn: Fn, once: boolean): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), { fn: fn as AnyFn, once }]);
  }
}

/** An Electron event: what the listener was told, and whether it prevented the default. */
export type FakeEvent<T extends object = object> = T & { defaultPrevented: boolean; preventDefault(): void };

export function fakeEvent<T extends object>(params: T = {} as T): FakeEvent<T> {
  const event = {
    ...params,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export interface Call {
  /** e.g. 'app.enableSandbox', 'session.setPermissionRequestHandler', 'win1.loadURL' */
  what: string;
  args: unknown[];
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FakeDownloadItem {
  filename: string;
  savePath: string;
  saveDialogOptions: unknown;
  getFilename(): string;
  setSaveDialogOptions(options: unknown): void;
  getSavePath(): string;
  once(event: 'done', fn: (event: unknown, state: string) => void): void;
  /** Electron's part: the download ended in `state` (after the save dialog chose `savePath`). */
  finish(state: 'completed' | 'cancelled' | 'interrupted', savePath?: string): void;
}

export function createFakeElectron(options: { userData?: string; documents?: string } = {}) {
  const calls: Call[] = [];
  const record = (what: string, args: unknown[]) => calls.push({ what, args });
  let ready = false;
  let becomeReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => (becomeReady = resolve));

  // ---- app
  class FakeApp extends FakeEmitter {
    isPackaged = false;
    sandboxed = false;
    /** what requestSingleInstanceLock answers (false: another instance holds it) */
    singleInstanceLockFree = true;
    quitRequests = 0;
    /** set once a quit went through (nothing prevented it) */
    quitted = false;
    closingForQuit = false;
    exitCode: number | null = null;
    readonly paths = new Map<string, string>([
      ['userData', options.userData ?? '/fake/userData'],
      ['documents', options.documents ?? '/fake/Documents'],
    ]);

    getPath(name: string): string {
      const value = this.paths.get(name);
      if (value === undefined) throw new Error(`fake app: no path ${name}`);
      return value;
    }

    setPath(name: string, value: string): void {
      record('app.setPath', [name, value]);
      this.paths.set(name, value);
    }

    getVersion(): string {
      return '0.1.0-test';
    }

    enableSandbox(): void {
      record('app.enableSandbox', []);
      if (ready) throw new Error('app.enableSandbox() must be called before the app is ready');
      this.sandboxed = true;
    }

    whenReady(): Promise<void> {
      record('app.whenReady', []);
      return readyPromise;
    }

    isReady(): boolean {
      return ready;
    }

    requestSingleInstanceLock(): boolean {
      record('app.requestSingleInstanceLock', []);
      return this.singleInstanceLockFree;
    }

    /** Like Electron: before-quit (which may prevent it), then every window closes, then will-quit. */
    quit(): void {
      record('app.quit', []);
      this.quitRequests++;
      const event = fakeEvent();
      this.emit('before-quit', event);
      if (event.defaultPrevented) return;
      // windows closed by a quit do not emit window-all-closed (as in Electron)
      this.closingForQuit = true;
      for (const win of FakeBrowserWindow.getAllWindows()) win.close();
      this.closingForQuit = false;
      this.quitted = true;
      this.emit('will-quit', fakeEvent());
    }

    exit(code = 0): void {
      record('app.exit', [code]);
      this.exitCode = code;
    }

    get hasQuit(): boolean {
      return this.quitted || this.exitCode !== null;
    }

    /** Electron's part: the app is ready. */
    async ready(): Promise<void> {
      ready = true;
      becomeReady();
      this.emit('ready');
      await readyPromise;
    }
  }
  const app = new FakeApp();

  // ---- webContents and BrowserWindow
  let windowCount = 0;
  class FakeWebContents extends FakeEmitter {
    readonly sent: Array<{ channel: string; args: unknown[] }> = [];
    readonly executedJavaScript: string[] = [];
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    destroyed = false;

    constructor(readonly name: string) {
      super();
    }

    send(channel: string, ...args: unknown[]): void {
      record(`${this.name}.send`, [channel, ...args]);
      if (this.destroyed) throw new Error('Object has been destroyed');
      this.sent.push({ channel, args });
    }

    executeJavaScript(code: string): Promise<unknown> {
      record(`${this.name}.executeJavaScript`, [code]);
      this.executedJavaScript.push(code);
      return Promise.resolve(undefined);
    }

    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
      record(`${this.name}.setWindowOpenHandler`, [handler]);
      this.windowOpenHandler = handler;
    }

    isDestroyed(): boolean {
      return this.destroyed;
    }

    /** The page (or a dropped file) tries to go to `url`: the event the listeners saw. */
    navigate(url: string): FakeEvent<{ url: string }> {
      const event = fakeEvent({ url });
      this.emit('will-navigate', event);
      return event;
    }

    redirect(url: string): FakeEvent<{ url: string }> {
      const event = fakeEvent({ url });
      this.emit('will-redirect', event);
      return event;
    }

    attachWebview(): FakeEvent {
      const event = fakeEvent();
      this.emit('will-attach-webview', event, {}, {});
      return event;
    }

    /** window.open / target=_blank / a middle click: the handler's answer. */
    openWindow(url: string): { action: string } {
      if (!this.windowOpenHandler) return { action: 'allow' };
      return this.windowOpenHandler({ url });
    }
  }

  class FakeBrowserWindow extends FakeEmitter {
    static readonly created: FakeBrowserWindow[] = [];
    static focused: FakeBrowserWindow | null = null;

    static getAllWindows(): FakeBrowserWindow[] {
      return FakeBrowserWindow.created.filter((w) => !w.destroyed);
    }

    static getFocusedWindow(): FakeBrowserWindow | null {
      return FakeBrowserWindow.focused;
    }

    readonly name: string;
    readonly webContents: FakeWebContents;
    loadedUrl: string | null = null;
    maximized = false;
    minimized = false;
    visible = false;
    destroyed = false;

    constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
      super();
      this.name = `win${++windowCount}`;
      record('new BrowserWindow', [options]);
      this.webContents = new FakeWebContents(`${this.name}.webContents`);
      FakeBrowserWindow.created.push(this);
      app.emit('web-contents-created', fakeEvent(), this.webContents);
    }

    loadURL(url: string): Promise<void> {
      record(`${this.name}.loadURL`, [url]);
      this.loadedUrl = url;
      return Promise.resolve();
    }

    maximize(): void {
      this.maximized = true;
    }

    isMaximized(): boolean {
      return this.maximized;
    }

    minimize(): void {
      this.minimized = true;
    }

    isMinimized(): boolean {
      return this.minimized;
    }

    restore(): void {
      this.minimized = false;
    }

    show(): void {
      this.visible = true;
    }

    focus(): void {
      FakeBrowserWindow.focused = this;
    }

    getNormalBounds(): Rect {
      const o = this.options as Partial<Rect>;
      return { x: o.x ?? 100, y: o.y ?? 80, width: o.width ?? 800, height: o.height ?? 600 };
    }

    isDestroyed(): boolean {
      return this.destroyed;
    }

    /** The researcher closes the window (unless a 'close' listener prevents it). */
    close(): void {
      if (this.destroyed) return;
      const event = fakeEvent();
      this.emit('close', event);
      if (event.defaultPrevented) return;
      this.destroyed = true;
      this.webContents.destroyed = true;
      if (FakeBrowserWindow.focused === this) FakeBrowserWindow.focused = null;
      this.emit('closed');
      if (FakeBrowserWindow.getAllWindows().length === 0 && !app.closingForQuit)
        app.emit('window-all-closed', fakeEvent());
    }

    /** Electron's part: the first paint is ready. */
    readyToShow(): void {
      this.emit('ready-to-show');
    }
  }

  // ---- session
  type PermissionRequestHandler = (wc: unknown, permission: string, cb: (ok: boolean) => void) => void;
  type PermissionCheckHandler = (wc: unknown, permission: string) => boolean;
  type BeforeRequest = (details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void;
  class FakeSession extends FakeEmitter {
    permissionRequestHandler: PermissionRequestHandler | null = null;
    permissionCheckHandler: PermissionCheckHandler | null = null;
    beforeRequest: BeforeRequest | null = null;
    readonly webRequest = {
      onBeforeRequest: (listener: BeforeRequest) => {
        record('session.webRequest.onBeforeRequest', [listener]);
        this.beforeRequest = listener;
      },
    };

    setPermissionRequestHandler(handler: PermissionRequestHandler): void {
      record('session.setPermissionRequestHandler', [handler]);
      this.permissionRequestHandler = handler;
    }

    setPermissionCheckHandler(handler: PermissionCheckHandler): void {
      record('session.setPermissionCheckHandler', [handler]);
      this.permissionCheckHandler = handler;
    }

    /** A page asks for `permission` (camera, notifications …): what the handler granted. */
    requestPermission(permission: string): boolean | undefined {
      let granted: boolean | undefined;
      this.permissionRequestHandler?.({}, permission, (ok) => (granted = ok));
      return granted;
    }

    checkPermission(permission: string): boolean | undefined {
      return this.permissionCheckHandler?.({}, permission);
    }

    /** The page (or anything in it) requests `url`: true when the filter let it through. */
    request(url: string): boolean {
      let answer: { cancel?: boolean } | undefined;
      this.beforeRequest?.({ url }, (r) => (answer = r));
      if (!answer) throw new Error('the request filter did not answer');
      return answer.cancel !== true;
    }

    /** The page starts a download of `filename`. */
    download(filename: string): FakeDownloadItem {
      const done = new FakeEmitter();
      const item: FakeDownloadItem = {
        filename,
        savePath: '',
        saveDialogOptions: null,
        getFilename: () => item.filename,
        setSaveDialogOptions: (o) => (item.saveDialogOptions = o),
        getSavePath: () => item.savePath,
        once: (event, fn) => void done.once(event, fn),
        finish: (state, savePath = '') => {
          item.savePath = savePath;
          done.emit('done', fakeEvent(), state);
        },
      };
      this.emit('will-download', fakeEvent(), item, {});
      return item;
    }
  }
  const session = { defaultSession: new FakeSession() };

  // ---- protocol
  const protocol = {
    privileged: [] as Array<{ scheme: string; privileges: Record<string, boolean> }>,
    handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
    registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>) {
      record('protocol.registerSchemesAsPrivileged', [schemes]);
      if (ready) throw new Error('protocol.registerSchemesAsPrivileged must be called before the app is ready');
      protocol.privileged.push(...schemes);
    },
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>) {
      record('protocol.handle', [scheme, handler]);
      if (!ready) throw new Error('protocol.handle must be called once the app is ready');
      protocol.handlers.set(scheme, handler);
    },
    /** The page requests `url` of a custom scheme: the handler's response. */
    async fetch(url: string): Promise<Response> {
      const scheme = new URL(url).protocol.slice(0, -1);
      const handler = protocol.handlers.get(scheme);
      if (!handler) throw new Error(`no handler for ${scheme}:`);
      return handler(new Request(url));
    },
  };

  // ---- ipcMain
  type IpcListener = (event: unknown, input: unknown) => unknown;
  const ipcMain = {
    handlers: new Map<string, IpcListener>(),
    handle(channel: string, listener: IpcListener) {
      record('ipcMain.handle', [channel]);
      if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcMain.handlers.set(channel, listener);
    },
    handleOnce(channel: string) {
      record('ipcMain.handleOnce', [channel]);
    },
    on(channel: string) {
      record('ipcMain.on', [channel]);
      return ipcMain;
    },
    once(channel: string) {
      record('ipcMain.once', [channel]);
      return ipcMain;
    },
    /** The page's preload invokes `channel`, from a frame at `url` (the top frame unless `parent`). */
    invoke(channel: string, input: unknown, url: string, frame: { parent?: unknown } = {}): Promise<unknown> {
      const listener = ipcMain.handlers.get(channel);
      if (!listener) return Promise.reject(new Error(`No handler registered for '${channel}'`));
      return Promise.resolve(listener({ senderFrame: { url, parent: frame.parent ?? null } }, input));
    },
  };

  // ---- Menu
  interface Item {
    label?: string;
    role?: string;
    submenu?: Item[];
    click?: () => void;
  }
  const Menu = {
    application: null as { template: Item[] } | null,
    buildFromTemplate(template: Item[]) {
      record('Menu.buildFromTemplate', [template]);
      return { template };
    },
    setApplicationMenu(menu: { template: Item[] } | null) {
      record('Menu.setApplicationMenu', [menu]);
      Menu.application = menu;
    },
    /** The item at `path` of the application menu, e.g. ['Edit', 'Undo']. */
    item(...path: string[]): Item {
      let items = Menu.application?.template ?? [];
      let found: Item | undefined;
      for (const label of path) {
        found = items.find((i) => i.label === label);
        if (!found) throw new Error(`no menu item ${path.join(' › ')}`);
        items = found.submenu ?? [];
      }
      if (!found) throw new Error('an empty menu path');
      return found;
    },
    click(...path: string[]): void {
      const item = Menu.item(...path);
      if (!item.click) throw new Error(`${path.join(' › ')} has no click (a role?)`);
      item.click();
    },
  };

  // ---- dialog
  interface MessageBox {
    window: unknown;
    options: { type?: string; message: string; detail?: string; buttons?: string[] };
    answer(response: number): void;
  }
  const dialog = {
    messageBoxes: [] as MessageBox[],
    openDialogs: [] as Array<{ window: unknown; options: unknown }>,
    errorBoxes: [] as Array<{ title: string; content: string }>,
    /** what the next open dialogs answer, in order (default: cancelled) */
    openDialogAnswers: [] as Array<{ canceled: boolean; filePaths: string[] }>,
    /** Shown and waiting for the researcher: answer it with `.answer(buttonIndex)`. */
    showMessageBox(windowOrOptions: unknown, maybeOptions?: MessageBox['options']) {
      const [window, options] = maybeOptions
        ? [windowOrOptions, maybeOptions]
        : [null, windowOrOptions as MessageBox['options']];
      record('dialog.showMessageBox', [options]);
      return new Promise<{ response: number; checkboxChecked: boolean }>((resolve) => {
        dialog.messageBoxes.push({
          window,
          options,
          answer: (response) => resolve({ response, checkboxChecked: false }),
        });
      });
    },
    showOpenDialog(windowOrOptions: unknown, maybeOptions?: unknown) {
      const [window, options] = maybeOptions ? [windowOrOptions, maybeOptions] : [null, windowOrOptions];
      record('dialog.showOpenDialog', [options]);
      dialog.openDialogs.push({ window, options });
      return Promise.resolve(dialog.openDialogAnswers.shift() ?? { canceled: true, filePaths: [] });
    },
    showErrorBox(title: string, content: string) {
      record('dialog.showErrorBox', [title, content]);
      dialog.errorBoxes.push({ title, content });
    },
  };

  // ---- screen, shell
  const screen = {
    displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
    getAllDisplays: () => screen.displays,
  };
  const shell = {
    opened: [] as string[],
    openExternal(url: string) {
      record('shell.openExternal', [url]);
      shell.opened.push(url);
      return Promise.resolve();
    },
  };

  const fake = {
    calls,
    app,
    BrowserWindow: FakeBrowserWindow,
    session,
    protocol,
    ipcMain,
    Menu,
    dialog,
    screen,
    shell,
    /** The fake as the shell's modules see it. */
    get api(): ElectronApi {
      return fake as unknown as ElectronApi;
    },
    /** Every window made so far, closed ones too. */
    get windows(): FakeBrowserWindow[] {
      return FakeBrowserWindow.created;
    },
    /** The names of the calls made so far, in order. */
    get callNames(): string[] {
      return calls.map((c) => c.what);
    },
  };
  return fake;
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
export type FakeWindow = FakeElectron['windows'][number];

/** A fake window as the shell's modules see it. */
export function asWindow(win: FakeWindow): BrowserWindow {
  return win as unknown as BrowserWindow;
}

const EXPORTS = [
  'app',
  'BrowserWindow',
  'dialog',
  'ipcMain',
  'Menu',
  'protocol',
  'screen',
  'session',
  'shell',
] as const;

/**
 * A stand-in for the 'electron' module whose exports are read from `current()` at each use, so
 * that one `vi.mock('electron', …)` serves a new fake in every test.
 */
export function electronModule(current: () => FakeElectron): Record<string, unknown> {
  const module: Record<string, unknown> = {};
  for (const name of EXPORTS) Object.defineProperty(module, name, { enumerable: true, get: () => current()[name] });
  return module;
}
