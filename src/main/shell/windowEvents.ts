/**
 * Main→page events (src/shared/api/events.ts) reach the window on one IPC channel as
 * `{ name, data }`: whatever the project's EventHub emits, and the native menu's commands. The
 * page hears them through the preload's `on(name, fn)`; nothing runs script in the page.
 */
import { EVENT_CHANNEL, type EventEnvelope, type MenuCommand } from '@shared/api/events';
import type { BrowserWindow } from './electronApi';

/** The project's EventHub (src/main/events.ts), or anything else that can be subscribed to. */
export interface EventSource {
  subscribe(listener: (event: EventEnvelope) => void): () => void;
}

export function sendEvent(win: BrowserWindow, event: EventEnvelope): void {
  win.webContents.send(EVENT_CHANNEL, event);
}

export function sendMenuCommand(win: BrowserWindow, command: MenuCommand): void {
  sendEvent(win, { name: 'menu.command', data: { command } });
}

/**
 * `events` as the windows subscribe to it, counting them: `pages` is how many windows' pages hear
 * the events now (each from deliverEvents until it is closed), the pages a quit asks for what
 * they still hold (ProjectHost.servePages). Other listeners of `events` are no page.
 */
export function pageEvents(events: EventSource): EventSource & { readonly pages: number } {
  let pages = 0;
  return {
    subscribe(listener) {
      const unsubscribe = events.subscribe(listener);
      pages += 1;
      let subscribed = true;
      return () => {
        if (subscribed) pages -= 1;
        subscribed = false;
        unsubscribe();
      };
    },
    get pages() {
      return pages;
    },
  };
}

/** Every event of `events` goes to the window until it is closed. */
export function deliverEvents(win: BrowserWindow, events: EventSource): void {
  const unsubscribe = events.subscribe((event) => sendEvent(win, event));
  win.once('closed', unsubscribe);
}
