import { describe, expect, it } from 'vitest';
import { HOME, viewAfterKey, viewTransform } from './panZoom';

describe('panning and zooming the network', () => {
  it('moves with the arrow keys, zooms with + and −, goes home with 0, ignores other keys', () => {
    const zoomed = viewAfterKey(HOME, '+')!;
    expect(zoomed.k).toBe(1.25);
    expect(viewAfterKey(zoomed, '-')!.k).toBe(1);
    expect(viewAfterKey(HOME, 'ArrowLeft')).toEqual({ x: 40, y: 0, k: 1 });
    expect(viewAfterKey(HOME, 'ArrowDown')).toEqual({ x: 0, y: -40, k: 1 });
    expect(viewAfterKey({ x: 5, y: 7, k: 3 }, '0')).toEqual(HOME);
    expect(viewAfterKey(HOME, 'a')).toBeNull();
    expect(viewAfterKey(HOME, 'constructor')).toBeNull();
  });

  it('never zooms past 8× in or 0.2× out', () => {
    let v = HOME;
    for (let i = 0; i < 30; i++) v = viewAfterKey(v, '+')!;
    expect(v.k).toBe(8);
    for (let i = 0; i < 30; i++) v = viewAfterKey(v, '-')!;
    expect(v.k).toBe(0.2);
  });

  it('zooms about the centre of the picture', () => {
    expect(viewTransform(HOME, { width: 800, height: 480 })).toBe('translate(0 0) scale(1)');
    expect(viewTransform({ x: 0, y: 0, k: 2 }, { width: 800, height: 480 })).toBe('translate(-400 -240) scale(2)');
  });
});
