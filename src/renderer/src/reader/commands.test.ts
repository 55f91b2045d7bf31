import { describe, expect, it } from 'vitest';
import type { Code } from '@shared/model';
import { keyCommand, menuCommand, READER_KEYS, runCommand, type CommandHandlers, type KeyLike } from './commands';
import { useKeyHelpStrings } from './cursor/keyHelpStrings';

const codes = [{ id: 'c1', key: '1' } as Code, { id: 'c2', key: '2' } as Code];
const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});
const idle = { typing: false, active: false, rtl: true, codes };

describe('the reader command table', () => {
  it('maps the reader keys to their commands', () => {
    expect(keyCommand(key('z', { ctrlKey: true }), idle)).toEqual({ name: 'undo' });
    expect(keyCommand(key('Z', { metaKey: true, shiftKey: true }), idle)).toEqual({ name: 'redo' });
    expect(keyCommand(key('y', { ctrlKey: true }), idle)).toEqual({ name: 'redo' });
    expect(keyCommand(key('k', { ctrlKey: true }), idle)).toEqual({ name: 'palette' });
    expect(keyCommand(key('2'), idle)).toEqual({ name: 'code', code: codes[1] });
    expect(keyCommand(key('n'), idle)).toEqual({ name: 'next' });
    expect(keyCommand(key('p'), idle)).toEqual({ name: 'previous' });
    expect(keyCommand(key('Escape'), idle)).toEqual({ name: 'close' });
  });

  it('leaves keys typed in a field alone, except Ctrl+K for the palette', () => {
    const typing = { ...idle, typing: true, active: true };
    for (const k of [key('1'), key('n'), key('Delete'), key('z', { ctrlKey: true })])
      expect(keyCommand(k, typing)).toBeNull();
    expect(keyCommand(key('k', { ctrlKey: true }), typing)).toEqual({ name: 'palette' });
  });

  it('deletes and moves edges only with an active annotation, and arrows follow the text direction', () => {
    expect(keyCommand(key('Delete'), idle)).toBeNull();
    expect(keyCommand(key('Backspace'), { ...idle, active: true })).toEqual({ name: 'delete' });
    const left = key('ArrowLeft', { shiftKey: true, altKey: true });
    expect(keyCommand(left, idle)).toBeNull();
    // in right-to-left text the left arrow goes forward
    expect(keyCommand(left, { ...idle, active: true })).toEqual({ name: 'edge', edge: 'end', step: 1 });
    expect(keyCommand(left, { ...idle, active: true, rtl: false })).toEqual({ name: 'edge', edge: 'end', step: -1 });
    expect(keyCommand({ ...left, ctrlKey: true }, { ...idle, active: true })).toEqual({
      name: 'edge',
      edge: 'start',
      step: 1,
    });
  });

  it('a digit with no code on it, or with a modifier, does nothing', () => {
    expect(keyCommand(key('7'), idle)).toBeNull();
    expect(keyCommand(key('1', { altKey: true }), idle)).toBeNull();
    expect(keyCommand(key('1', { ctrlKey: true }), idle)).toBeNull();
  });

  it('takes undo, redo and palette from the menu and leaves the other menu commands to their views', () => {
    expect(menuCommand('undo')).toEqual({ name: 'undo' });
    expect(menuCommand('redo')).toEqual({ name: 'redo' });
    expect(menuCommand('palette')).toEqual({ name: 'palette' });
    expect(menuCommand('import')).toBeNull();
    expect(menuCommand('find')).toBeNull();
  });

  it('runs each command through its handler', () => {
    const log: string[] = [];
    const h: CommandHandlers = {
      undo: () => log.push('undo'),
      redo: () => log.push('redo'),
      palette: () => log.push('palette'),
      code: (c) => log.push(`code ${c.id}`),
      step: (d) => log.push(`step ${d}`),
      close: () => log.push('close'),
      delete: () => log.push('delete'),
      edge: (e, s) => log.push(`edge ${e} ${s}`),
      open: () => log.push('open'),
      cycle: () => log.push('cycle'),
      help: () => log.push('help'),
    };
    runCommand({ name: 'code', code: codes[0] as Code }, h);
    runCommand({ name: 'previous' }, h);
    runCommand({ name: 'edge', edge: 'start', step: -1 }, h);
    runCommand({ name: 'redo' }, h);
    runCommand({ name: 'open' }, h);
    runCommand({ name: 'cycle' }, h);
    runCommand({ name: 'help' }, h);
    expect(log).toEqual(['code c1', 'step -1', 'edge start -1', 'redo', 'open', 'cycle', 'help']);
  });

  it('in the article, Enter opens and o cycles the annotations at the caret; elsewhere they are left to the focused control', () => {
    const article = { ...idle, inArticle: true };
    expect(keyCommand(key('Enter'), article)).toEqual({ name: 'open' });
    expect(keyCommand(key('o'), article)).toEqual({ name: 'cycle' });
    // Enter on a button of the panel presses the button, o is nothing
    expect(keyCommand(key('Enter'), idle)).toBeNull();
    expect(keyCommand(key('o'), idle)).toBeNull();
    expect(keyCommand(key('Enter', { shiftKey: true }), article)).toBeNull();
    expect(keyCommand(key('Enter'), { ...article, typing: true })).toBeNull();
  });

  it('the caret keys (arrows, Ctrl+arrows, Home/End, with Shift) stay the browser caret’s, also with an annotation active', () => {
    const active = { ...idle, inArticle: true, active: true };
    for (const k of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'])
      for (const mods of [{}, { shiftKey: true }, { ctrlKey: true }, { ctrlKey: true, shiftKey: true }])
        expect(keyCommand(key(k, mods), active), `${k} ${JSON.stringify(mods)}`).toBeNull();
  });

  it('Delete and Backspace with a selection but no active annotation do nothing (the text is never edited)', () => {
    const selecting = { ...idle, inArticle: true };
    expect(keyCommand(key('Delete'), selecting)).toBeNull();
    expect(keyCommand(key('Backspace'), selecting)).toBeNull();
    expect(keyCommand(key('Delete'), { ...selecting, active: true })).toEqual({ name: 'delete' });
  });

  it('? (or ؟ on an Arabic keyboard) opens the list of keys, which has a line in both languages for every binding', () => {
    expect(keyCommand(key('?', { shiftKey: true }), idle)).toEqual({ name: 'help' });
    expect(keyCommand(key('؟', { shiftKey: true }), idle)).toEqual({ name: 'help' });
    expect(keyCommand(key('?', { shiftKey: true }), { ...idle, typing: true })).toBeNull();
    const ids = READER_KEYS.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const lang of ['en', 'ar'] as const) {
      const words = useKeyHelpStrings.for(lang);
      for (const b of READER_KEYS) {
        expect(words[b.id], `${lang} ${b.id}`).toMatch(/\S/);
        expect(b.keys.length).toBeGreaterThan(0);
      }
    }
    // every command a key can give is on the list
    const listed = new Set(READER_KEYS.filter((b) => b.command).map((b) => b.id));
    for (const id of [
      'code',
      'palette',
      'open',
      'cycle',
      'next',
      'previous',
      'edgeEnd',
      'delete',
      'close_',
      'undo',
      'redo',
      'help',
    ])
      expect(listed.has(id as never), id).toBe(true);
  });

  it('on an Arabic keyboard layout the physical keys of n, p, o and the digits do what they do on a Latin one', () => {
    const article = { ...idle, inArticle: true };
    expect(keyCommand(key('ى', { code: 'KeyN' }), article)).toEqual({ name: 'next' });
    expect(keyCommand(key('ح', { code: 'KeyP' }), article)).toEqual({ name: 'previous' });
    expect(keyCommand(key('خ', { code: 'KeyO' }), article)).toEqual({ name: 'cycle' });
    expect(keyCommand(key('١', { code: 'Digit1' }), article)).toEqual({ name: 'code', code: codes[0] });
    expect(keyCommand(key('٢', { code: 'Numpad2' }), article)).toEqual({ name: 'code', code: codes[1] });
    // a Latin layout's own letters win over the physical key (AZERTY: the A key gives q)
    expect(keyCommand(key('q', { code: 'KeyA' }), article)).toBeNull();
    expect(keyCommand(key('ى', { code: 'KeyN' }), { ...article, typing: true })).toBeNull();
  });
});
