/**
 * The reader's one command table: which key or menu command does what. Keys and the native
 * menu's commands become a ReaderCommand; runCommand hands it to the session (or the view, for
 * what only the view can do: the palette, moving through the list, edges on screen). The list
 * of keys (`?`) is made from READER_KEYS, so it cannot drift from what the keys do.
 */
import type { MenuCommand } from '@shared/api/events';
import type { Code } from '@shared/model';
import type { KeyHelpId } from './cursor/keyHelpStrings';
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
  | { name: 'edge'; edge: Edge; step: 1 | -1 }
  | { name: 'open' }
  | { name: 'cycle' }
  | { name: 'help' };

export interface KeyLike {
  key: string;
  /** the physical key (KeyboardEvent.code), for layouts whose letters are not Latin */
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export interface KeyState {
  /** the key went to a field being typed in */
  typing: boolean;
  /** the key went to the article (its reading caret) */
  inArticle?: boolean;
  /** an annotation is active */
  active: boolean;
  rtl: boolean;
  codes: readonly Code[];
}

/** One line of the table: the keys as shown, what they do, and the command of a key press (if any). */
export interface KeyBinding {
  id: KeyHelpId;
  keys: readonly string[];
  /** null: not this binding's key; undefined: the browser's own caret does it (listed only) */
  command?: (e: KeyLike, s: KeyState, mod: boolean) => ReaderCommand | null;
}

const plain = (e: KeyLike, mod: boolean) => !mod && !e.altKey;

export const READER_KEYS: readonly KeyBinding[] = [
  { id: 'caretChar', keys: ['←', '→'] },
  { id: 'caretWord', keys: ['Ctrl+←', 'Ctrl+→'] },
  { id: 'caretLine', keys: ['↑', '↓'] },
  { id: 'caretLineEdge', keys: ['Home', 'End'] },
  { id: 'caretDocEdge', keys: ['Ctrl+Home', 'Ctrl+End'] },
  { id: 'extend', keys: ['Shift+…'] },
  {
    id: 'code',
    keys: ['1', '…', '9'],
    command: (e, s, mod) => {
      if (!plain(e, mod) || !/^[1-9]$/.test(e.key)) return null;
      const code = s.codes.find((c) => c.key === e.key);
      return code ? { name: 'code', code } : null;
    },
  },
  {
    id: 'palette',
    keys: ['Ctrl+K'],
    command: (e, _s, mod) => (mod && e.key.toLowerCase() === 'k' ? { name: 'palette' } : null),
  },
  {
    id: 'open',
    keys: ['Enter'],
    command: (e, s, mod) =>
      plain(e, mod) && !e.shiftKey && s.inArticle && e.key === 'Enter' ? { name: 'open' } : null,
  },
  {
    id: 'cycle',
    keys: ['o'],
    command: (e, s, mod) => (plain(e, mod) && s.inArticle && e.key === 'o' ? { name: 'cycle' } : null),
  },
  { id: 'next', keys: ['n'], command: (e, _s, mod) => (plain(e, mod) && e.key === 'n' ? { name: 'next' } : null) },
  {
    id: 'previous',
    keys: ['p'],
    command: (e, _s, mod) => (plain(e, mod) && e.key === 'p' ? { name: 'previous' } : null),
  },
  {
    id: 'edgeEnd',
    keys: ['Shift+Alt+←', 'Shift+Alt+→'],
    command: (e, s) => {
      const edge = s.active ? edgeKey(e, s.rtl) : null;
      return edge ? { name: 'edge', ...edge } : null;
    },
  },
  // the same keys with Ctrl: edgeKey tells the start from the end
  { id: 'edgeStart', keys: ['Ctrl+Shift+Alt+←', 'Ctrl+Shift+Alt+→'] },
  {
    id: 'delete',
    keys: ['Delete', 'Backspace'],
    command: (e, s, mod) =>
      plain(e, mod) && s.active && (e.key === 'Delete' || e.key === 'Backspace') ? { name: 'delete' } : null,
  },
  {
    id: 'close_',
    keys: ['Esc'],
    command: (e, _s, mod) => (plain(e, mod) && e.key === 'Escape' ? { name: 'close' } : null),
  },
  {
    id: 'undo',
    keys: ['Ctrl+Z'],
    command: (e, _s, mod) => (mod && !e.shiftKey && e.key.toLowerCase() === 'z' ? { name: 'undo' } : null),
  },
  {
    id: 'redo',
    keys: ['Ctrl+Shift+Z', 'Ctrl+Y'],
    command: (e, _s, mod) =>
      mod && ((e.shiftKey && e.key.toLowerCase() === 'z') || e.key.toLowerCase() === 'y') ? { name: 'redo' } : null,
  },
  // ؟ is where ? is on an Arabic keyboard
  {
    id: 'help',
    keys: ['?'],
    command: (e, _s, mod) => (plain(e, mod) && (e.key === '?' || e.key === '؟') ? { name: 'help' } : null),
  },
];

/**
 * The key as the table names it: on a layout whose letters or digits are not Latin (Arabic:
 * ى on the N key, ١ on the 1 key) the physical key's Latin letter or digit, so n, p, o and the
 * code keys work without switching layouts.
 */
export function latinKey(e: KeyLike): string {
  if (e.key.length !== 1 || /[\x20-\x7e]/.test(e.key)) return e.key;
  const m = /^(?:Key([A-Z])|Digit([0-9])|Numpad([0-9]))$/.exec(e.code ?? '');
  if (!m) return e.key;
  return m[1] ? m[1].toLowerCase() : (m[2] ?? m[3] ?? e.key);
}

/** The command of a key press, or null when the reader leaves the key alone. */
export function keyCommand(pressed: KeyLike, s: KeyState): ReaderCommand | null {
  // field by field: a KeyboardEvent's fields are getters, which a spread would not copy
  const { ctrlKey, metaKey, shiftKey, altKey } = pressed;
  const e: KeyLike = { key: latinKey(pressed), ctrlKey, metaKey, shiftKey, altKey };
  const mod = e.ctrlKey || e.metaKey;
  if (mod && e.key.toLowerCase() === 'k') return { name: 'palette' };
  if (s.typing) return null;
  for (const b of READER_KEYS) {
    const c = b.command?.(e, s, mod);
    if (c) return c;
  }
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
  open(): void;
  cycle(): void;
  help(): void;
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
    case 'open':
      return h.open();
    case 'cycle':
      return h.cycle();
    case 'help':
      return h.help();
  }
}
