import { describe, expect, it } from 'vitest';
import { canonicalizeText, deriveTitle, detectDirectionAndLanguage } from './canonical';

describe('canonicalizeText', () => {
  it('joins hard-wrapped lines, separates paragraphs at blank or whitespace-only lines', () => {
    const raw =
      '  The envoy said on Wednesday that the parties had\r\nagreed to a week-long humanitarian truce around\r\nthe capital of Libya.  \r\n \t \r\nHe called on every state to respect the embargo\rand to stop the flow of weapons into the country.\n\n\n\nThird.\n';
    expect(canonicalizeText(raw).text).toBe(
      'The envoy said on Wednesday that the parties had agreed to a week-long humanitarian truce around the capital of Libya.\nHe called on every state to respect the embargo and to stop the flow of weapons into the country.\nThird.',
    );
  });

  it('keeps short lines as paragraphs of their own, blank lines or not', () => {
    expect(
      canonicalizeText('  first line\r\nof one paragraph  \r\n \t \r\nsecond\rparagraph\n\n\n\nthird\n').text,
    ).toBe('first line\nof one paragraph\nsecond\nparagraph\nthird');
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

  it('composes a letter and its mark that a removed control had kept apart (the result is NFC)', () => {
    // alef + DEL + madda above; e + NUL + combining acute
    const { text, warnings } = canonicalizeText('\u0627\u007F\u0653 caf\u0065\u0000\u0301');
    expect(text).toBe('\u0622 caf\u00E9');
    expect(text).toBe(text.normalize('NFC'));
    expect(warnings.map((w) => w.code).sort()).toEqual(['control_characters_removed', 'normalized']);
  });

  it('treats a form feed (page break) and a vertical tab (Word line break) as line breaks, never gluing words', () => {
    expect(canonicalizeText('الصفحة الأولى\fبداية الثانية').text).toBe('الصفحة الأولى\nبداية الثانية');
    expect(canonicalizeText('سطر جديد\vصفحة').text).toBe('سطر جديد\nصفحة');
    // a page break inside a hard-wrapped paragraph joins like any wrapped line
    const wrapped =
      'قال المبعوث الأممي إن الأطراف وافقت على هدنة إنسانية\nفي طرابلس تستمر أسبوعا كاملا، وإن الطريق إلى الحوار\fما زال مفتوحا أمام الجميع في ليبيا وخارجها.\n\nفقرة ثانية.';
    expect(canonicalizeText(wrapped).text).toBe(
      'قال المبعوث الأممي إن الأطراف وافقت على هدنة إنسانية في طرابلس تستمر أسبوعا كاملا، وإن الطريق إلى الحوار ما زال مفتوحا أمام الجميع في ليبيا وخارجها.\nفقرة ثانية.',
    );
  });

  it('is stable: the canonical text of a canonical text is itself, for every kind of input', () => {
    const inputs = [
      'a\u0000\u0301b\r\nc\u2029d',
      '\u0627\u0008\u0653\f\u064E\u0651\u200D',
      '  \t x \u000B y \u0085\n\n\n z\u2028 ',
      'e\u0301\u0000\u0327 \uFFFE\u202Eabc\u202C',
      '\uD83C\uDDF1\u0000\uD83C\uDDFE \u0644\u0640\u0640\u0627',
    ];
    for (const raw of inputs) {
      const once = canonicalizeText(raw).text;
      expect(canonicalizeText(once).text).toBe(once);
      expect(once).toBe(once.normalize('NFC'));
    }
  });

  it('drops a leading BOM', () => {
    expect(canonicalizeText('\uFEFFنص').text).toBe('نص');
  });
});

describe('detectDirectionAndLanguage', () => {
  it('finds Arabic right-to-left text, even with Latin names and digits in it', () => {
    expect(detectDirectionAndLanguage('قال المبعوث Ghassan Salamé إن 510 قتلى سقطوا في طرابلس منذ أبريل')).toEqual({
      direction: 'rtl',
      language: 'ar',
    });
  });

  it('finds left-to-right text when Latin letters dominate', () => {
    expect(detectDirectionAndLanguage('The UN envoy said the ceasefire (وقف إطلاق النار) must hold.')).toEqual({
      direction: 'ltr',
      language: 'und',
    });
  });

  it('tells Persian, Urdu and Hebrew from Arabic', () => {
    expect(detectDirectionAndLanguage('گفتگوهای صلح در لیبی ادامه دارد و چند کشور حمایت کردند').language).toBe('fa');
    expect(detectDirectionAndLanguage('لیبیا میں جنگ بندی کی کوششیں جاری ہیں اور بڑے ملکوں نے').language).toBe('ur');
    expect(detectDirectionAndLanguage('מועצת הביטחון דנה בהפסקת האש בלוב')).toEqual({
      direction: 'rtl',
      language: 'he',
    });
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
