/**
 * The reader's one command table: which key or menu command does what. Keys and the native
 * menu's commands become a ReaderCommand; runCommand hands it to the session (or the view, for
 * what only the view can do: the palette, moving through the list, edges on screen).
 */
import type { MenuCommand } from '@shared/api/events';
import type { Code } from '@shared/model';
import type { Edge } from './spanEdges';
import { edgeKey } from './spanEdges';

export type ReaderCommand =
  | { name: 'undo' }
  | { name: 'redo' }
  | { name: 'palette' }
  | { name: 'code'; code: Code }
  | { name: 'next' }
  | { name: 'previous' }
  | { name: 'close' }
  | { name: 'delete' }
  | { name: 'edge'; edge: Edge; step: 1 | -1 };

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export interface KeyState {
  /** the key went to a field being typed in */
  typing: boolean;
  /** an annotation is active */
  active: boolean;
  rtl: boolean;
  codes: readonly Code[];
}

/** The command of a key press, or null when the reader leaves the key alone. */
export function keyCommand(e: KeyLike, s: KeyState): ReaderCommand | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && key === 'k') return { name: 'palette' };
  if (s.typing) return null;
  const edge = s.active ? edgeKey(e, s.rtl) : null;
  if (edge) return { name: 'edge', ...edge };
  if (mod && key === 'z') return { name: e.shiftKey ? 'redo' : 'undo' };
  if (mod && key === 'y') return { name: 'redo' };
  if (mod || e.altKey) return null;
  if (/^[1-9]$/.test(e.key)) {
    const code = s.codes.find((c) => c.key === e.key);
    return code ? { name: 'code', code } : null;
  }
  if (e.key === 'n') return { name: 'next' };
  if (e.key === 'p') return { name: 'previous' };
  if (e.key === 'Escape') return { name: 'close' };
  if ((e.key === 'Delete' || e.key === 'Backspace') && s.active) return { name: 'delete' };
  return null;
}

/** The native menu's commands the reader acts on (the others belong to other views). */
const MENU: Partial<Record<MenuCommand, ReaderCommand>> = {
  undo: { name: 'undo' },
  redo: { name: 'redo' },
  palette: { name: 'palette' },
};

export function menuCommand(command: MenuCommand): ReaderCommand | null {
  return Object.hasOwn(MENU, command) ? (MENU[command] ?? null) : null;
}

/** What each command does. */
export interface CommandHandlers {
  undo(): void;
  redo(): void;
  palette(): void;
  code(code: Code): void;
  step(delta: 1 | -1): void;
  close(): void;
  delete(): void;
  edge(edge: Edge, step: 1 | -1): void;
}

export function runCommand(c: ReaderCommand, h: CommandHandlers): void {
  switch (c.name) {
    case 'undo':
      return h.undo();
    case 'redo':
      return h.redo();
    case 'palette':
      return h.palette();
    case 'code':
      return h.code(c.code);
    case 'next':
      return h.step(1);
    case 'previous':
      return h.step(-1);
    case 'close':
      return h.close();
    case 'delete':
      return h.delete();
    case 'edge':
      return h.edge(c.edge, c.step);
  }
}
