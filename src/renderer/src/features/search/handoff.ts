/**
 * From the project-wide results list to the reader's find bar: the query, its options and the
 * hit that was chosen, so the reader opens with the find bar showing the same hits.
 */
import type { SearchOptions } from '@shared/api/search';
import { onAppEvent } from '../../app/appEvents';

export interface Handoff {
  documentId: string;
  query: string;
  options: SearchOptions;
  start: number;
}

let pending: Handoff | null = null;
const listeners = new Set<(h: Handoff) => void>();

export function handOff(h: Handoff): void {
  pending = h;
  for (const l of listeners) l(h);
}

/** Take the pending hand-off for this document, if there is one. */
export function takeHandoff(documentId: string): Handoff | null {
  if (pending?.documentId !== documentId) return null;
  const h = pending;
  pending = null;
  return h;
}

export function onHandoff(listener: (h: Handoff) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** How many reader find bars are mounted: the Electron menu's Find… goes to one if there is one. */
let findBars = 0;
export function registerFindBar(): () => void {
  findBars++;
  return () => {
    findBars--;
  };
}
export const hasFindBar = (): boolean => findBars > 0;

/** Edit ▸ Find… of the Electron menu (its CmdOrCtrl+F accelerator never reaches the page as a key). */
export function onMenuFind(listener: () => void): () => void {
  return onAppEvent('menu.command', ({ command }) => {
    if (command === 'find') listener();
  });
}
