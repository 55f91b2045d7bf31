import { describe, expect, it } from 'vitest';
import { UndoStack } from './undoStack';

describe('UndoStack', () => {
  const log: string[] = [];
  const step = (name: string, delay = 5) => ({
    label: name,
    undo: () => new Promise<void>((r) => setTimeout(() => (log.push(`undo ${name}`), r()), delay)),
    redo: () => new Promise<void>((r) => setTimeout(() => (log.push(`redo ${name}`), r()), delay)),
  });

  it('queues quick repeated undos and applies them in order', async () => {
    log.length = 0;
    const s = new UndoStack();
    s.push(step('a'));
    s.push(step('b'));
    s.push(step('c'));
    await Promise.all([s.undo(), s.undo(), s.undo(), s.undo()]);
    expect(log).toEqual(['undo c', 'undo b', 'undo a']);
    expect(s.canUndo).toBe(false);
    await s.redo();
    expect(log.at(-1)).toBe('redo a');
  });

  it('keeps a step that failed to undo, and a new change clears redo', async () => {
    const s = new UndoStack();
    s.push({ label: 'x', undo: () => Promise.reject(new Error('disk full')), redo: async () => undefined });
    await expect(s.undo()).rejects.toThrow('disk full');
    expect(s.canUndo).toBe(true);
    s.push(step('y'));
    await s.undo();
    expect(s.canRedo).toBe(true);
    s.push(step('z'));
    expect(s.canRedo).toBe(false);
  });
});
