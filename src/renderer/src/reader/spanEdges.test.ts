import { describe, expect, it } from 'vitest';
import { edgeKey, moveEdge } from './spanEdges';

const text = 'قال المشير خليفة حفتر: نقترح وقف إطلاق النار.\nورد السراج بالرفض.';
const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
const cut = (r: { start: number; end: number } | null) => (r ? text.slice(r.start, r.end) : null);

describe('moving a saved span’s edge by a word', () => {
  it('grows and shrinks the end and the start by one word', () => {
    expect(cut(moveEdge(text, at('وقف إطلاق'), 'end', 1))).toBe('وقف إطلاق النار');
    expect(cut(moveEdge(text, at('وقف إطلاق'), 'end', -1))).toBe('وقف');
    expect(cut(moveEdge(text, at('وقف إطلاق'), 'start', -1))).toBe('نقترح وقف إطلاق');
    expect(cut(moveEdge(text, at('وقف إطلاق'), 'start', 1))).toBe('إطلاق');
    // over punctuation: the next word, not the colon
    expect(cut(moveEdge(text, at('خليفة حفتر'), 'end', 1))).toBe('خليفة حفتر: نقترح');
  });

  it('never leaves the paragraph or empties the span', () => {
    expect(moveEdge(text, at('النار'), 'end', 1)).toBeNull();
    expect(moveEdge(text, at('قال'), 'start', -1)).toBeNull();
    expect(moveEdge(text, at('وقف'), 'end', -1)).toBeNull();
    expect(moveEdge(text, at('وقف'), 'start', 1)).toBeNull();
    expect(moveEdge(text, at('ورد'), 'start', -1)).toBeNull();
  });
});

describe('arrow keys follow the screen', () => {
  const key = (k: string, ctrl = false) => ({ key: k, shiftKey: true, altKey: true, ctrlKey: ctrl, metaKey: false });
  it('in right-to-left text the left arrow goes forward', () => {
    expect(edgeKey(key('ArrowLeft'), true)).toEqual({ edge: 'end', step: 1 });
    expect(edgeKey(key('ArrowRight', true), true)).toEqual({ edge: 'start', step: -1 });
    expect(edgeKey(key('ArrowLeft'), false)).toEqual({ edge: 'end', step: -1 });
    expect(edgeKey({ ...key('ArrowLeft'), altKey: false }, true)).toBeNull();
  });
});
