/**
 * Edit ▸ Undo / Redo of the desktop app's menu in a text field: the menu's accelerators
 * (Ctrl/Cmd+Z, Ctrl+Y, Shift+Ctrl/Cmd+Z) reach the page only as `menu.command`, so without this a
 * researcher's Ctrl+Z in the search box, a dialog's field or the codebook editor did nothing.
 * When focus is in an input, textarea or contenteditable element, that field's own undo runs.
 * The reader (any element inside `.reader`) answers the commands itself: there they undo
 * annotations unless its own fields have focus.
 */
import { useAppEvent } from './appEvents';
import type { MenuCommand } from '@shared/api/events';

/** The reader's root element: its fields' undo is the reader's to run. */
export const READER_SELECTOR = '.reader';

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number', '']);

/** An element whose typing the browser can undo. */
export function isTextField(el: Element | null): el is HTMLElement {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (el instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(el.type) && !el.readOnly && !el.disabled;
  return el instanceof HTMLElement && el.isContentEditable;
}

/** Run the focused field's own undo or redo; false when the command is not this page's to handle. */
export function undoInTextField(command: MenuCommand, doc: Document = document): boolean {
  if (command !== 'undo' && command !== 'redo') return false;
  const el = doc.activeElement;
  if (!isTextField(el) || el.closest(READER_SELECTOR)) return false;
  // deprecated, but still the only way to reach a field's own undo stack
  doc.execCommand(command);
  return true;
}

/** Mount once (App.tsx). */
export function useTextFieldUndo(): void {
  useAppEvent('menu.command', ({ command }) => void undoInTextField(command));
}
