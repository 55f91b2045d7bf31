import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, loadWindowState, saveWindowState } from './windowState';

const dir = mkdtempSync(path.join(os.tmpdir(), 'hashiya-window-state-'));
const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
const file = (name: string, content?: string) => {
  const f = path.join(dir, name);
  if (content !== undefined) writeFileSync(f, content);
  return f;
};

describe('window state', () => {
  it('round-trips the size, position and maximised flag', async () => {
    const f = file('round.json');
    await saveWindowState(f, { x: 100, y: 80, width: 1200, height: 800, maximized: true });
    expect(loadWindowState(f, screen)).toEqual({ x: 100, y: 80, width: 1200, height: 800, maximized: true });
  });

  it('uses the defaults when there is no file yet', () => {
    expect(loadWindowState(path.join(dir, 'absent.json'), screen)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('uses the defaults for a corrupt or hostile file', () => {
    for (const [name, content] of [
      ['truncated.json', '{"x": 10, "y": 1'],
      ['empty.json', ''],
      ['array.json', '[1,2,3]'],
      ['strings.json', '{"width":"1e9","height":"800"}'],
      ['tiny.json', '{"width": 1, "height": 1}'],
      ['huge.json', '{"width": 1e12, "height": 800}'],
      ['proto.json', '{"__proto__": {"width": 900}, "height": 700}'],
    ] as const) {
      expect(loadWindowState(file(name, content), screen), name).toEqual(DEFAULT_WINDOW_STATE);
    }
  });

  it('drops a position that is off every screen but keeps the size', () => {
    for (const [x, y] of [
      [5000, 100],
      [-3000, 100],
      [100, -500],
      [100, 5000],
    ]) {
      const f = file(`off-${x}-${y}.json`, JSON.stringify({ x, y, width: 1000, height: 700 }));
      const state = loadWindowState(f, screen);
      expect(state.x, `${x},${y}`).toBeUndefined();
      expect(state.y).toBeUndefined();
      expect(state.width).toBe(1000);
      expect(state.height).toBe(700);
    }
  });

  it('keeps a position on a second screen', () => {
    const displays = [...screen, { x: 1920, y: 0, width: 2560, height: 1440 }];
    const f = file('second.json', JSON.stringify({ x: 2200, y: 200, width: 1000, height: 700 }));
    expect(loadWindowState(f, displays)).toMatchObject({ x: 2200, y: 200 });
    expect(loadWindowState(f, screen).x).toBeUndefined();
  });

  it('a failed save (e.g. a read-only folder) does not throw', async () => {
    await expect(
      saveWindowState(path.join(dir, 'no', 'such', 'dir', 'w.json'), DEFAULT_WINDOW_STATE),
    ).resolves.toBeUndefined();
    const f = file('saved.json');
    await saveWindowState(f, DEFAULT_WINDOW_STATE);
    expect(JSON.parse(readFileSync(f, 'utf8'))).toEqual(DEFAULT_WINDOW_STATE);
  });
});
