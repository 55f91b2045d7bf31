import { describe, expect, it } from 'vitest';
import { seededRandom } from './bootstrap';
import { matchClaims, matchSpans, spanOverlap, SpanMatcher, type Claim } from './matchClaims';

const c = (coder: number, start: number, end: number): Claim => ({ coder, start, end });

describe('matching claims between coders', () => {
  it('measures overlap as intersection over union of code-point spans', () => {
    expect(spanOverlap({ start: 0, end: 10 }, { start: 1, end: 10 })).toBe(0.9);
    expect(spanOverlap({ start: 15, end: 25 }, { start: 20, end: 30 })).toBe(5 / 15);
    expect(spanOverlap({ start: 0, end: 5 }, { start: 5, end: 9 })).toBe(0);
  });

  it('pairs each claim once, by the largest overlap first, and only at or above the threshold', () => {
    // A1 [0,10) and A2 [4,12) both overlap B1 [2,10): 0.8 against 0.6, so A1 gets it
    const claims = [c(0, 0, 10), c(1, 2, 10), c(0, 4, 12)];
    expect(matchClaims(claims, 2, 0.5)).toEqual([[0, 1]]);
    expect(matchClaims(claims, 2, 0.85)).toEqual([]);
    // exactly at the threshold matches
    expect(matchClaims([c(0, 0, 10), c(1, 0, 5)], 2, 0.5)).toEqual([[0, 1]]);
  });

  it('joins matches over several coders into connected sets, even one holding two claims of a coder', () => {
    // A–B: A1~B1 (1.0); B–C: B1~C1 (1/3); A–C: A2~C1 (9/11) beats A1~C1 (1/3)
    const claims = [c(0, 0, 10), c(1, 0, 10), c(2, 5, 15), c(0, 6, 16)];
    expect(matchClaims(claims, 3, 0.3)).toEqual([[0, 1, 2, 3]]);
    expect(matchClaims(claims, 3, 0.5)).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('matches each range of one list as matchSpans matches that range alone', () => {
    // documents of 0 to 12 claims of three coders (fewer claims than coders too), spans often
    // equal, overlapping or out of order, so pairs tie, chain and need sorting
    const random = seededRandom(17);
    const coder: number[] = [];
    const start: number[] = [];
    const end: number[] = [];
    const bounds = [0];
    for (let d = 0; d < 60; d++) {
      const k = Math.floor(random() * 13);
      for (let x = 0; x < k; x++) {
        const s = Math.floor(random() * 40);
        coder.push(Math.floor(random() * 3));
        start.push(s);
        end.push(s + 1 + Math.floor(random() * 12));
      }
      bounds.push(coder.length);
    }
    const matcher = new SpanMatcher(coder, start, end, 3, 0.3);
    const expected: number[][] = [];
    for (let d = 0; d + 1 < bounds.length; d++) {
      const lo = bounds[d] as number;
      const hi = bounds[d + 1] as number;
      matcher.match(lo, hi);
      const alone = matchSpans(coder.slice(lo, hi), start.slice(lo, hi), end.slice(lo, hi), 3, 0.3);
      for (const group of alone) expected.push(group.map((x) => lo + x));
    }
    const { members, from } = matcher.sets();
    const got = Array.from({ length: from.length - 1 }, (_, g) => Array.from(members.subarray(from[g], from[g + 1])));
    expect(got).toEqual(expected);
    expect(got.length).toBeGreaterThan(50);
  });
});
