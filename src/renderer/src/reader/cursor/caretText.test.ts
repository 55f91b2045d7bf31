import { describe, expect, it } from 'vitest';
import { caretAnnouncement, firstWordStart, wordAt } from './caretText';

const TEXT = 'اقترح الرئيس ماكرون، وقف إطلاق النار.\n\nدون شرط';
const at = (w: string) => TEXT.indexOf(w);
const word = (u: number) => {
  const w = wordAt(TEXT, u);
  return w && TEXT.slice(w.start, w.end);
};

describe('the word at the reading caret', () => {
  it('is the word holding the caret, or the one just before it, or the next one', () => {
    expect(word(0)).toBe('اقترح');
    expect(word(at('الرئيس') + 2)).toBe('الرئيس');
    // just after a word (where a word move to its end leaves the caret)
    expect(word(at('ماكرون') + 'ماكرون'.length)).toBe('ماكرون');
    // on the space before a word, after the comma
    expect(word(at('وقف') - 1)).toBe('وقف');
    expect(word(TEXT.indexOf('\n') + 1)).toBeNull();
    expect(word(TEXT.length)).toBe('شرط');
  });

  it('the first word starts after leading spaces and punctuation', () => {
    expect(firstWordStart('  «قال» ')).toBe(3);
    expect(firstWordStart('')).toBe(0);
  });

  it('announces the word at a collapsed caret, the selected text (one line, cut when long) otherwise', () => {
    expect(caretAnnouncement(TEXT, 3, 3)).toBe('اقترح');
    const end = at('النار') + 'النار'.length;
    expect(caretAnnouncement(TEXT, end, 0)).toBe('اقترح الرئيس ماكرون، وقف إطلاق النار');
    expect(caretAnnouncement(TEXT, at('.'), TEXT.length)).toBe('. دون شرط');
    const long = 'كلمة '.repeat(200);
    expect(caretAnnouncement(long, 0, long.length).length).toBe(301);
  });
});
