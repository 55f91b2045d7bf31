/**
 * Keys and native-menu commands, through the one command table (commands.ts): the window's
 * keydown while the reader is open, and `menu.command` from the app's events. Undo and Redo from
 * the menu act on the field being typed in when there is one.
 */
import { useLayoutEffect, useRef } from 'react';
import type { Code } from '@shared/model';
import { useAppEvent } from '../app/appEvents';
import { keyCommand, menuCommand, runCommand, type CommandHandlers, type ReaderCommand } from './commands';
import { isReadingCaret, isTypingTarget } from './dom/typing';

/** Commands whose key the reader takes (the browser does nothing else with it). */
const TAKES_KEY = new Set<ReaderCommand['name']>([
  'palette',
  'edge',
  'undo',
  'redo',
  'code',
  'delete',
  'open',
  'cycle',
  'help',
]);

export function useReaderKeys(
  state: { paused: boolean; active: boolean; rtl: boolean; codes: readonly Code[] },
  handlers: CommandHandlers,
): void {
  const latest = useRef({ state, handlers });
  useLayoutEffect(() => {
    latest.current = { state, handlers };
  });
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { state, handlers } = latest.current;
      if (state.paused) return;
      const command = keyCommand(e, {
        ...state,
        typing: isTypingTarget(e.target),
        inArticle: isReadingCaret(e.target),
      });
      if (!command) return;
      if (TAKES_KEY.has(command.name)) e.preventDefault();
      runCommand(command, handlers);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useAppEvent('menu.command', ({ command }) => {
    const c = menuCommand(command);
    if (!c) return;
    if ((c.name === 'undo' || c.name === 'redo') && isTypingTarget(document.activeElement)) {
      document.execCommand(c.name);
      return;
    }
    runCommand(c, latest.current.handlers);
  });
}
