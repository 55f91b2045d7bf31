/**
 * The layer import's matching rules on their own: the coder id an annotator name gives, a bundle
 * entry name that points outside the archive, and documents matched by text, then as a
 * near-duplicate of the same title or date (Jaccard of 4-word shingles ≥ 0.9), never below it.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '@shared/model';
import { unsafeEntryName } from '../../src/main/layers/bundleZip';
import { coderIdForName, coderOf, ensureCoder } from '../../src/main/layers/coders';
import { documentMatcher, LAYER_NEAR_DUPLICATE_THRESHOLD } from '../../src/main/layers/documents';
import { jaccard, shingles } from '../../src/main/import/nearDuplicate';

const BODY = [
  'قال المشير خليفة حفتر إن قواته مستعدة لوقف إطلاق النار في طرابلس إذا انسحبت الميليشيات من العاصمة.',
  'وردّ فايز السراج بأن المحادثات في جنيف يجب أن تستأنف الأسبوع المقبل دون شروط مسبقة من أي طرف.',
  'وأشار المبعوث الأممي غسان سلامة إلى أن البعثة ستواصل اتصالاتها مع جميع الأطراف الليبية من أجل اتفاق دائم.',
].join('\n');

const summary = (id: string, title: string, publishedAt: string | null = null): DocumentSummary =>
  ({ id, title, publishedAt, sha256: id.padEnd(64, '0') }) as DocumentSummary;

describe('coders of an imported layer', () => {
  it('derive one stable id from a name, on every machine, and keep an id the file gives', () => {
    expect(coderIdForName('Badr')).toBe(coderIdForName(' Badr '));
    expect(coderIdForName('Badr')).toMatch(/^n_[0-9a-f]{24}$/);
    expect(coderIdForName('Badr')).not.toBe(coderIdForName('Amal'));
    // NFC: the same name typed with a decomposed letter
    expect(coderIdForName('Zoé')).toBe(coderIdForName('Zoe\u0301'));
    expect(coderOf({ coderId: 'c_1', annotator: 'Badr' })).toEqual({ id: 'c_1', name: 'Badr' });
    expect(coderOf({ annotator: '' }).name).toBe('unnamed coder');
    const list = [{ id: 'c_1', name: 'Badr' }];
    expect(ensureCoder(list, { id: 'c_1', name: 'Other' })).toEqual(list);
    expect(ensureCoder(list, { id: 'c_2', name: 'Amal' })).toHaveLength(2);
    expect(list).toHaveLength(1);
  });
});

describe('bundle entry names', () => {
  it('are refused when a careless unzip would write them outside its folder', () => {
    for (const bad of ['../x', 'a/../../x', '/etc/passwd', 'C:/x', 'c:x', 'texts\\x.txt', 'a\u0000b'])
      expect(unsafeEntryName(bad), bad).toBe(true);
    for (const good of ['texts/abc.txt', 'hashiya-x.jsonld', 'README.txt', 'a..b/c..txt'])
      expect(unsafeEntryName(good), good).toBe(false);
  });
});

describe('documents of a layer', () => {
  const here = new Map([
    ['same', BODY],
    ['near', `${BODY} وأضاف أن الحوار هو السبيل.`],
    ['dated', `${BODY} وأضاف أن الحوار هو الطريق.`],
  ]);
  const lookup = (summaries: DocumentSummary[]) => ({ summaries, text: async (id: string) => here.get(id) ?? '' });

  it('match by the sha256 of the text, preferring the same id', async () => {
    const a = summary('aa', 'One');
    const b = summary('aa', 'Two');
    const b2 = { ...b, id: 'bb' } as DocumentSummary;
    const match = documentMatcher(lookup([a, b2]));
    const r = await match({ sourceId: 'bb', title: '', publishedAt: null, sha256: a.sha256, text: null });
    expect(r).toMatchObject({ summary: { id: 'bb' }, match: 'sha256' });
  });

  it('match a near-duplicate of the same title or date at or above the threshold, and report its similarity', async () => {
    const theirs = `${BODY} وأضاف أن الحوار هو الطريق الوحيد.`;
    const similarity = jaccard(shingles(theirs), shingles(here.get('near') as string));
    expect(similarity).toBeGreaterThanOrEqual(LAYER_NEAR_DUPLICATE_THRESHOLD);
    const match = documentMatcher(
      lookup([summary('near', 'Haftar (updated)'), summary('dated', 'Other', '2019-05-20')]),
    );
    const byTitle = await match({
      sourceId: null,
      title: 'haftar (UPDATED)',
      publishedAt: null,
      sha256: null,
      text: theirs,
    });
    expect(byTitle).toMatchObject({ summary: { id: 'near' }, match: 'near_duplicate', similarity });
    const byDate = await match({ sourceId: null, title: 'x', publishedAt: '2019-05-20', sha256: null, text: theirs });
    expect(byDate).toMatchObject({ summary: { id: 'dated' }, match: 'near_duplicate' });
    // neither title nor date: not a candidate (no index given here)
    expect(await match({ sourceId: null, title: 'x', publishedAt: null, sha256: null, text: theirs })).toBeNull();
  });

  it('do not match a text of the same title below the threshold, nor one without a text', async () => {
    const other =
      'نص آخر تماما عن اجتماع في القاهرة حول الانتخابات المقبلة والدستور الجديد للبلاد وموعد الاستفتاء عليه.';
    const match = documentMatcher(lookup([summary('same', 'Haftar')]));
    expect(await match({ sourceId: null, title: 'Haftar', publishedAt: null, sha256: null, text: other })).toBeNull();
    expect(
      await match({ sourceId: null, title: 'Haftar', publishedAt: null, sha256: 'f'.repeat(64), text: null }),
    ).toBeNull();
  });
});
