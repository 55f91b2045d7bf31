import { describe, expect, it } from 'vitest';
import { findAll } from './match';
import { normalize, normalizeQuery } from './normalize';
import { squeeze } from './squeeze';
import { findWords, requiredFragments } from './wordMatch';

/** The original words of every word-aware hit of `query` in `text` (both folded with the default rules). */
function hits(text: string, query: string): string[] {
  const folded = normalize(text);
  return findWords(folded.text, normalizeQuery(query)).map((m) => folded.text.slice(m.start, m.end));
}

describe('word-aware matching', () => {
  it('allows the proclitics و ف ب ك ل and ال / لل in front of each query word', () => {
    expect(hits('دعا إلى وقف لإطلاق النار فورا', 'وقف إطلاق النار')).toEqual(['وقف لاطلاق النار']);
    expect(hits('في دعوة لوقف إطلاق النار', 'وقف إطلاق النار')).toEqual(['لوقف اطلاق النار']);
    expect(hits('وبوقف إطلاق النار', 'وقف إطلاق النار')).toEqual(['وبوقف اطلاق النار']);
    expect(hits('بالنار والنار للنار فالنار كالنار', 'النار')).toEqual([
      'بالنار',
      'والنار',
      'للنار',
      'فالنار',
      'كالنار',
    ]);
    expect(hits('قال ماكرون ولماكرون وفماكرون', 'ماكرون')).toEqual(['ماكرون', 'ولماكرون']);
  });

  it('a query word without an article also finds the word with one; a query word with one keeps it', () => {
    expect(hits('النار نار بنار', 'نار')).toEqual(['النار', 'نار', 'بنار']);
    expect(hits('النار نار بنار', 'النار')).toEqual(['النار']);
  });

  it('never matches inside another word', () => {
    // today's substring matching finds الري inside الرئيس
    const text = 'قال الرئيس إن الري في ليبيا';
    expect(findAll(normalize(text).text, normalizeQuery('الري'))).toHaveLength(2);
    expect(hits(text, 'الري')).toEqual(['الري']);
    expect(hits('the report about a port', 'port')).toEqual(['port']);
    expect(hits('حفترية وحفتر', 'حفتر')).toEqual(['وحفتر']);
    expect(hits('مستقبل', 'قبل')).toEqual([]);
  });

  it('needs the query words in order, separated by white space but not by a paragraph break', () => {
    expect(hits('وقف  إطلاق\tالنار', 'وقف إطلاق النار')).toHaveLength(1);
    expect(hits('وقف\nإطلاق النار', 'وقف إطلاق النار')).toEqual([]);
    expect(hits('وقف فوري لإطلاق النار', 'وقف إطلاق النار')).toEqual([]);
  });

  it('treats punctuation and digits as they are: a comma ends a word, a digit is part of one', () => {
    expect(hits('حفتر، وحفتر.', 'حفتر')).toEqual(['حفتر', 'وحفتر']);
    expect(hits('2019 و2019م 20190', '2019')).toEqual(['2019']);
  });

  it('finds the words whatever the spelling the folding rules merge', () => {
    expect(hits('المشير خليفه حفتر', 'خليفة')).toEqual(['خليفه']);
    expect(hits('لإطلاقٍ', 'اطلاق')).toEqual(['لاطلاق']);
  });

  it('names the pieces a document must contain, for the quick filter', () => {
    expect(requiredFragments(normalizeQuery('وقف إطلاق النار'))).toEqual(['وقف', 'اطلاق', 'نار']);
  });

  it('honours the limit and does not overlap', () => {
    const folded = normalize('حفتر حفتر حفتر').text;
    expect(findWords(folded, 'حفتر', { limit: 2 })).toHaveLength(2);
    expect(findWords(folded, 'حفتر حفتر')).toHaveLength(1);
  });
});

describe('word-aware matching of the squeezed filter text', () => {
  const squeezedHits = (text: string, query: string) =>
    findWords(squeeze(normalize(text).text), normalizeQuery(query), { squeezed: true }).length;

  it('finds at least every real hit, whatever characters outside Arabic and ASCII stand around it', () => {
    const texts = [
      'دعا إلى وقف لإطلاق النار فورا',
      'في دعوة «لوقف إطلاق النار»',
      'وقف\u00a0إطلاق\u2009النار',
      'قال الرئيس إن الري في ليبيا',
      'un café à Tripoli — café',
      'Ελλάδα وقف إطلاق النار Ελλάδα',
    ];
    const queries = ['وقف إطلاق النار', 'الري', 'café', 'النار', 'Ελλάδα', 'à Tripoli'];
    for (const text of texts) {
      for (const q of queries)
        expect(squeezedHits(text, q), `${q} in ${text}`).toBeGreaterThanOrEqual(hits(text, q).length);
    }
  });

  it('still tells a phrase apart from its words scattered', () => {
    expect(squeezedHits('وقف الحرب ثم إطلاق سراح النار', 'وقف إطلاق النار')).toBe(0);
    expect(squeezedHits('قال الرئيس', 'الري')).toBe(0);
  });
});
