/**
 * The desktop app's side of the page, faked in browser mode: a `window.hashiya` bridge like the
 * preload's (each method forwarded to the local server, `project.pickFolder` answered with a
 * chosen folder, `on(name, fn)` for events) and a way to send the page an event as main does,
 * e.g. a menu command. The page takes both through the same entry points as in the desktop app.
 */
import type { Page } from '@playwright/test';

export async function installDesktopBridge(page: Page, token: string, chosenPath: string | null = null): Promise<void> {
  await page.addInitScript(
    ({ token: sessionToken, chosen }) => {
      // kept in sessionStorage, across reloads of the page
      const picks = () => JSON.parse(sessionStorage.getItem('picks') ?? '[]') as unknown[];
      const listeners = new Map<string, Set<(data: unknown) => void>>();
      const on = (name: string, fn: (data: unknown) => void) => {
        const set = listeners.get(name) ?? new Set();
        listeners.set(name, set);
        set.add(fn);
        return () => set.delete(fn);
      };
      // what main's webContents.send(EVENT_CHANNEL, envelope) reaches in the desktop app
      (window as unknown as { __fromMain: unknown }).__fromMain = (envelope: { name: string; data: unknown }) => {
        for (const fn of [...(listeners.get(envelope.name) ?? [])]) fn(envelope.data);
      };
      const call = (name: string) => async (input: unknown) => {
        if (name === 'project.pickFolder') {
          sessionStorage.setItem('picks', JSON.stringify([...picks(), input]));
          return { ok: true, value: { path: chosen } };
        }
        const res = await fetch(`/api/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionToken}` },
          body: JSON.stringify(input),
        });
        const body = (await res.json()) as { error?: unknown };
        return res.ok ? { ok: true, value: body } : { ok: false, error: body.error };
      };
      (window as unknown as { hashiya: unknown }).hashiya = new Proxy(
        {},
        { get: (_t, name) => (name === 'on' ? on : typeof name === 'string' ? call(name) : undefined) },
      );
    },
    { token, chosen: chosenPath },
  );
}

/** Send the page an event as the desktop app's main process does (the page must have the bridge). */
export async function sendFromMain(page: Page, name: string, data: unknown): Promise<void> {
  await page.evaluate((envelope) => (window as unknown as { __fromMain(e: unknown): void }).__fromMain(envelope), {
    name,
    data,
  });
}

/** A command of the desktop app's menu, e.g. Edit ▸ Undo. */
export const menuCommand = (page: Page, command: string): Promise<void> =>
  sendFromMain(page, 'menu.command', { command });
