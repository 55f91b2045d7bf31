import { describe, expect, it } from 'vitest';
import { canonicalizeText, deriveTitle, detectDirectionAndLanguage } from './canonical';

describe('canonicalizeText', () => {
  it('joins hard-wrapped lines, separates paragraphs at blank or whitespace-only lines', () => {
    const raw = '  first line\r\nof one paragraph  \r\n \t \r\nsecond\rparagraph\n\n\n\nthird\n';
    expect(canonicalizeText(raw).text).toBe('first line of one paragraph\nsecond paragraph\nthird');
  });

  it("keeps every line as a paragraph in 'lines' mode", () => {
    expect(canonicalizeText('a\nb\n\nc', { paragraphs: 'lines' }).text).toBe('a\nb\nc');
  });

  it('reports when NFC normalisation changed the text, and not otherwise', () => {
    const decomposed = 'Cafe\u0301 ا\u0653'; // e + combining acute; alef + madda above
    const result = canonicalizeText(decomposed);
    expect(result.text).toBe('Café آ');
    expect(result.warnings.map((w) => w.code)).toEqual(['normalized']);
    expect(canonicalizeText('Café آ').warnings).toEqual([]);
  });

  it('keeps invisible bidi controls and counts them in a warning', () => {
    const raw = 'قال \u202Bالوزير\u202C إن \u2067Tripoli\u2069 \u202E123\u202C';
    const { text, warnings } = canonicalizeText(raw);
    expect(text).toBe(raw);
    const bidi = warnings.find((w) => w.code === 'bidi_controls');
    expect(bidi?.count).toBe(6);
    expect(bidi?.message).toContain('6');
  });

  it('keeps direction marks (LRM, RLM, ALM) silently', () => {
    const raw = 'نص\u200F مع\u200E علامات\u061C';
    const { text, warnings } = canonicalizeText(raw);
    expect(text).toBe(raw);
    expect(warnings).toEqual([]);
  });

  it('removes stray control characters and says how many', () => {
    const { text, warnings } = canonicalizeText('a\u0000b\u0007c');
    expect(text).toBe('abc');
    expect(warnings[0]).toMatchObject({ code: 'control_characters_removed', count: 2 });
  });

  it('drops a leading BOM', () => {
    expect(canonicalizeText('\uFEFFنص').text).toBe('نص');
  });
});

describe('detectDirectionAndLanguage', () => {
  it('finds Arabic right-to-left text, even with Latin names and digits in it', () => {
    expect(detectDirectionAndLanguage('قال المبعوث Ghassan Salamé إن 510 قتلى سقطوا في طرابلس منذ أبريل')).toEqual({ direction: 'rtl', language: 'ar' });
  });

  it('finds left-to-right text when Latin letters dominate', () => {
    expect(detectDirectionAndLanguage('The UN envoy said the ceasefire (وقف إطلاق النار) must hold.')).toEqual({ direction: 'ltr', language: 'und' });
  });

  it('tells Persian, Urdu and Hebrew from Arabic', () => {
    expect(detectDirectionAndLanguage('گفتگوهای صلح در لیبی ادامه دارد و چند کشور حمایت کردند').language).toBe('fa');
    expect(detectDirectionAndLanguage('لیبیا میں جنگ بندی کی کوششیں جاری ہیں اور بڑے ملکوں نے').language).toBe('ur');
    expect(detectDirectionAndLanguage('מועצת הביטחון דנה בהפסקת האש בלוב')).toEqual({ direction: 'rtl', language: 'he' });
  });

  it('calls text without letters left-to-right and undetermined', () => {
    expect(detectDirectionAndLanguage('2019 — 510 / 2467')).toEqual({ direction: 'ltr', language: 'und' });
  });
});

describe('deriveTitle', () => {
  it('takes the first paragraph, cut on a word boundary', () => {
    const long = 'كلمة '.repeat(40).trim();
    const title = deriveTitle(`${long}\nsecond`);
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(81);
    expect(title.slice(0, -1)).toMatch(/كلمة$/);
    expect(deriveTitle('')).toBe('Untitled');
  });
});
