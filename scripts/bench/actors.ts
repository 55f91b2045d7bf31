/**
 * The benches' one actor generator (scripts/bench/actorBench.ts in the browser, actorTypeahead.mjs
 * in Node): `count` actors with Arabic and Latin names and aliases, the same every run.
 */
import { Entity } from '../../src/shared/claims/registry';

// first × family names (the sample's actors among them, so the article has mentions to mark),
// titles and a ة/ه variant as aliases; numbered once the pairs run out, so every name is its own
const FIRST: ReadonlyArray<readonly [string, string]> = [
  ['خليفة', 'Khalifa'],
  ['فائز', 'Fayez'],
  ['عقيلة', 'Aguila'],
  ['غسان', 'Ghassan'],
  ['أحمد', 'Ahmed'],
  ['محمد', 'Mohamed'],
  ['عبد الرحمن', 'Abdulrahman'],
  ['سالم', 'Salem'],
  ['فتحي', 'Fathi'],
  ['إيمانويل', 'Emmanuel'],
  ['مصطفى', 'Mustafa'],
  ['عمر', 'Omar'],
  ['يوسف', 'Youssef'],
  ['علي', 'Ali'],
  ['إبراهيم', 'Ibrahim'],
  ['نجلاء', 'Najla'],
  ['ستيفاني', 'Stephanie'],
  ['هشام', 'Hisham'],
  ['خالد', 'Khaled'],
  ['عبد الله', 'Abdullah'],
];
const FAMILY: ReadonlyArray<readonly [string, string]> = [
  ['حفتر', 'Haftar'],
  ['السراج', 'al-Sarraj'],
  ['صالح', 'Saleh'],
  ['سلامة', 'Salame'],
  ['المسماري', 'al-Mismari'],
  ['باشاغا', 'Bashagha'],
  ['ماكرون', 'Macron'],
  ['المنقوش', 'al-Mangoush'],
  ['الدبيبة', 'Dbeibah'],
  ['ويليامز', 'Williams'],
  ['معيتيق', 'Maiteeq'],
  ['المشري', 'al-Mishri'],
  ['بادي', 'Badi'],
  ['الككلي', 'al-Kikli'],
  ['النمروش', 'al-Namroush'],
  ['بوشناف', 'Bushnaf'],
  ['القطراني', 'al-Qatrani'],
  ['الورفلي', 'al-Werfalli'],
  ['بن شرادة', 'Ben Sharada'],
  ['التاجوري', 'al-Tajouri'],
];
const TITLES = ['المشير', 'الرئيس', 'الوزير', 'اللواء', 'السفير'];

/** `placeEvery`: every n-th entity a place instead (a search for actors must pass them over). */
export function generatedActors(count: number, { placeEvery }: { placeEvery?: number } = {}): Entity[] {
  const out: Entity[] = [];
  for (let i = 0; i < count; i++) {
    const [fa, fl] = FIRST[i % FIRST.length] as readonly [string, string];
    const [la, ll] = FAMILY[Math.floor(i / FIRST.length) % FAMILY.length] as readonly [string, string];
    const n = Math.floor(i / (FIRST.length * FAMILY.length));
    const suffix = n === 0 ? '' : ` ${n}`;
    out.push(
      Entity.parse({
        id: `actor-${i}`,
        ...(placeEvery && i % placeEvery === placeEvery - 1
          ? { kind: 'place' as const, type: 'city' }
          : { kind: 'actor' as const, type: 'person' }),
        nameAr: `${fa} ${la}${suffix}`,
        nameLatin: `${fl} ${ll}${suffix}`,
        aliases: [`${TITLES[i % TITLES.length]} ${la}${suffix}`, `${fa.replace('ة', 'ه')} ${la}${suffix}`],
      }),
    );
  }
  return out;
}
