import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalizeText } from '@shared/text/canonical';
import { Entity } from '@shared/claims/registry';
import { buildActorIndex } from '@shared/claims/typeahead';
import { buildMentionIndex, nearestMention } from '@shared/claims/mentions';
import { editDistance, foldName, foldNames, withoutClitics } from '@shared/claims/fold';

const SAMPLE = canonicalizeText(
  readFileSync(path.resolve(__dirname, '../../resources/sample/libya-ceasefire-2019.ar.txt'), 'utf8'),
).text;
const cps = (text: string, m: { start: number; end: number }) => [...text].slice(m.start, m.end).join('');

const entity = (e: Record<string, unknown>) => Entity.parse({ kind: 'actor', ...e });
const REGISTRY = [
  entity({ id: 'macron', nameAr: 'إيمانويل ماكرون', nameLatin: 'Emmanuel Macron', type: 'person' }),
  entity({
    id: 'haftar',
    nameAr: 'خليفة حفتر',
    nameLatin: 'Khalifa Haftar',
    aliases: ['المشير حفتر', 'خليفه حفتر'],
    type: 'person',
  }),
  entity({ id: 'lna', nameAr: 'الجيش الوطني الليبي', nameLatin: 'Libyan National Army', type: 'armed-group' }),
  entity({ id: 'sarraj', nameAr: 'فائز السراج', nameLatin: 'Fayez al-Sarraj', type: 'person' }),
  entity({ id: 'gna', nameAr: 'حكومة الوفاق الوطني', aliases: ['الوفاق'], type: 'government' }),
  entity({ id: 'france', nameAr: 'فرنسا', nameLatin: 'France', type: 'state' }),
  entity({ id: 'tripoli', kind: 'place', nameAr: 'طرابلس', nameLatin: 'Tripoli', type: 'city' }),
  entity({ id: 'hafid', nameAr: 'حفيظ', type: 'person' }),
];

describe('clitics and edit distance', () => {
  it('takes off و ف ب ل ك ال لل in front of a word, never leaving less than two letters', () => {
    expect(withoutClitics('ولحفتر')).toEqual(['لحفتر', 'حفتر']);
    expect(withoutClitics('للجيش')).toContain('الجيش');
    expect(withoutClitics('بالامم')).toContain('امم');
    expect(withoutClitics('ول')).toEqual([]);
  });
  it('counts one edit for an added letter or two swapped ones, and stops past the limit', () => {
    expect(editDistance('امانويل', 'ايمانويل', 1)).toBe(1);
    expect(editDistance('macron', 'mcaron', 1)).toBe(1);
    expect(editDistance('ماكرون', 'حفتر', 1)).toBe(2);
  });
});

describe('actor type-ahead', () => {
  const index = buildActorIndex(REGISTRY);
  const ids = (q: string, kind?: 'actor' | 'place') => index.search(q, { kind }).map((h) => h.entity.id);

  it('folds hamza forms, ة/ه, ى/ي, harakat and tatweel as search does', () => {
    expect(ids('خليفه حفتر')[0]).toBe('haftar');
    expect(ids('خَلِيفَة حفـــتر')[0]).toBe('haftar');
    expect(ids('ايمانويل')[0]).toBe('macron');
    expect(ids('EMMANUEL')[0]).toBe('macron');
  });

  it('ranks exact > prefix > word prefix > contains', () => {
    const reg = [
      entity({ id: 'contains', nameAr: 'كحفتري' }),
      entity({ id: 'word', nameAr: 'قوات حفتر الخاصة' }),
      entity({ id: 'prefix', nameAr: 'حفتر وشركاه' }),
      entity({ id: 'exact', nameAr: 'حفتر' }),
    ];
    const hits = buildActorIndex(reg).search('حفتر');
    expect(hits.map((h) => [h.entity.id, h.rank])).toEqual([
      ['exact', 'exact'],
      ['prefix', 'prefix'],
      ['word', 'word'],
      ['contains', 'contains'],
    ]);
  });

  it('puts a name before an alias at the same rank', () => {
    const reg = [
      entity({ id: 'by-alias', nameAr: 'المشير', aliases: ['حفتر الأب'] }),
      entity({ id: 'by-name', nameAr: 'حفتر الابن' }),
    ];
    expect(
      buildActorIndex(reg)
        .search('حفتر')
        .map((h) => [h.entity.id, h.isName]),
    ).toEqual([
      ['by-name', true],
      ['by-alias', false],
    ]);
  });

  it('finds a name typed with clitics in front, and a word after the article', () => {
    expect(ids('ولحفتر')[0]).toBe('haftar');
    expect(ids('للجيش')[0]).toBe('lna');
    expect(ids('سراج')[0]).toBe('sarraj');
    expect(index.search('سراج')[0]?.rank).toBe('word');
    expect(ids('بطرابلس', 'place')).toEqual(['tripoli']);
    expect(ids('طرابلس', 'actor')).toEqual([]);
  });

  it('keeps the best `limit` hits in the order of the full ranking', () => {
    const many = Array.from({ length: 600 }, (_, i) =>
      entity({ id: `e${i}`, nameAr: `${['حفتر', 'قوات حفتر', 'حفترية', 'آل حفتر'][i % 4]} ${i % 7 === 0 ? '' : i}` }),
    );
    const big = buildActorIndex(many);
    const all = big.search('حفتر', { limit: 1000 }).map((h) => h.entity.id);
    expect(all).toHaveLength(600);
    expect(big.search('حفتر', { limit: 7 }).map((h) => h.entity.id)).toEqual(all.slice(0, 7));
    expect(big.search('حفتر', { limit: 150 }).map((h) => h.entity.id)).toEqual(all.slice(0, 150));
  });

  it('folds many names at once exactly as one by one', () => {
    const names = ['خَليفة  حفـتر', 'Emmanuel MACRON', '\u200fفائز', 'أمانويل', ''];
    expect(foldNames(names)).toEqual(names.map(foldName));
  });

  it('answers nothing for a query that folds to nothing, and at most `limit` hits', () => {
    expect(index.search('  ـــ  ')).toEqual([]);
    expect(index.search('ا', { limit: 2 })).toHaveLength(2);
  });
});

describe('mentions in a text', () => {
  const mentions = buildMentionIndex(REGISTRY).find(SAMPLE);

  it('finds the known actors of the sample article at their code-point offsets, clitics left out', () => {
    const found = mentions.map((m) => [m.entityId, cps(SAMPLE, m)]);
    expect(found.slice(0, 4)).toEqual([
      ['lna', 'الجيش الوطني الليبي'],
      ['haftar', 'خليفه حفتر'],
      ['macron', 'أمانويل ماكرون'],
      ['sarraj', 'فائز السراج'],
    ]);
    // «الداعمة لخليفه حفتر»: the ل is not part of the name
    expect(found).toContainEqual(['haftar', 'خليفه حفتر']);
    expect(found).toContainEqual(['france', 'فرنسا']);
    expect(found).toContainEqual(['tripoli', 'طرابلس']);
    for (const m of mentions) expect(cps(SAMPLE, m).startsWith('ل')).toBe(false);
  });

  it('accepts أمانويل ماكرون for إيمانويل ماكرون (one slip in a long name), not a slip in a short one', () => {
    const macron = mentions.find((m) => m.entityId === 'macron');
    expect(macron?.rule).toBe('slip');
    const short = buildMentionIndex([entity({ id: 'x', nameAr: 'علي بكر' })]).find('قال علي بكري');
    expect(short).toEqual([]);
  });

  it('finds a person by the family name alone when no other entity ends with it', () => {
    const alone = mentions.filter((m) => m.rule === 'familyName').map((m) => cps(SAMPLE, m));
    expect(alone).toContain('ماكرون');
    expect(alone).toContain('حفتر');
    const shared = buildMentionIndex([
      entity({ id: 'a', nameAr: 'خليفة حفتر', type: 'person' }),
      entity({ id: 'b', nameAr: 'صدام حفتر', type: 'person' }),
    ]).find('قال حفتر');
    expect(shared).toEqual([]);
    const off = buildMentionIndex(REGISTRY, { familyNames: false }).find('قال الرئيس ماكرون');
    expect(off).toEqual([]);
    const compound = buildMentionIndex([entity({ id: 'k', nameAr: 'محمد عبد الله', type: 'person' })]).find(
      'أكد عبد الله أن الله',
    );
    expect(compound.map((m) => m.entityId)).toEqual(['k']);
  });

  it('proposes as claimant the actor mentioned in the span: ماكرون in «اقترح الرئيس ماكرون …»', () => {
    const quote = 'اقترح الرئيس ماكرون وقف إطلاق';
    const at = [...SAMPLE.slice(0, SAMPLE.indexOf(quote))].length;
    const span = { start: at, end: at + [...quote].length };
    expect(nearestMention(mentions, span, { kind: 'actor' })?.entityId).toBe('macron');
  });

  it('else proposes the nearest mention outside the span, the one before it at equal distance', () => {
    const ms = [
      { entityId: 'a', kind: 'actor' as const, start: 0, end: 4, rule: 'name' as const },
      { entityId: 'p', kind: 'place' as const, start: 10, end: 12, rule: 'name' as const },
      { entityId: 'b', kind: 'actor' as const, start: 30, end: 34, rule: 'name' as const },
    ];
    expect(nearestMention(ms, { start: 14, end: 20 }, { kind: 'actor' })?.entityId).toBe('a');
    expect(nearestMention(ms, { start: 15, end: 22 }, { kind: 'actor' })?.entityId).toBe('b');
    expect(nearestMention(ms, { start: 14, end: 20 })?.entityId).toBe('p');
    expect(nearestMention(ms, { start: 500, end: 520 }, { maxGap: 100 })).toBeNull();
  });
});
