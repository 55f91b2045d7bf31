import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgreementReport } from '@shared/api/agreement';
import type { DocumentSummary } from '@shared/model';
import { bootstrapAlpha } from '@shared/reliability/bootstrap';
import { krippendorffAlpha, type Value } from '@shared/reliability/codingAlpha';
import { cohenKappa, fleissKappa, percentAgreement } from '@shared/reliability/kappa';
import { unitizingAlpha, type Unit } from '@shared/reliability/unitizingAlpha';
import {
  anyCode,
  boundaryAlpha,
  codeOrGap,
  codeOrOther,
  codeSet,
  codingGivenUnitsAlpha,
} from '@shared/reliability/unitizingFamily';
import { ProjectStore } from '../store/projectStore';
import type { Services } from './index';
import { hostTestProject } from '../../../test/harness/project';

const C1 = 'ceasefire';
const C2 = 'arms-embargo';

let dir: string;
let services: Services;
let store: ProjectStore;
const call = <T>(name: string, input: unknown) => services.dispatch(name, input) as Promise<T>;
const report = (input: Record<string, unknown> = {}) => call<AgreementReport>('agreement.report', input);

/**
 * The claim fields these tests compare: an actor field, two choice fields without numbers
 * (nominal) and a position whose items carry numbers (interval), coded here with the stance.
 */
const choice = (key: string, items: string[], values?: number[]) => ({
  key,
  label: key,
  type: 'choice',
  choices: items.map((id, i) => ({ id, name: id, ...(values ? { value: values[i] } : {}) })),
});
const actors = new Map<string, string>();

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-agreement-'));
  store = await ProjectStore.open(dir);
  services = (await hostTestProject(store)).services;
  actors.clear();
  const codebook = await call<{ codes: unknown[] }>('codebook.get', {});
  await call('codebook.save', {
    codes: codebook.codes,
    fields: [
      { key: 'claimant', label: 'Claimant', type: 'actor' },
      choice('stance', ['supports', 'opposes']),
      choice('certainty', ['certain', 'uncertain']),
      choice('position', ['supports', 'opposes'], [1, -1]),
      { key: 'note', label: 'Note', type: 'longText' },
    ],
  });
});
afterEach(async () => {
  await store.flush();
  await rm(dir, { recursive: true, force: true });
});

async function addText(text: string, title: string): Promise<DocumentSummary> {
  const { document } = await call<{ document: DocumentSummary }>('documents.importText', {
    text,
    title,
    allowDuplicate: true,
  });
  return document;
}

interface Mark {
  doc: DocumentSummary;
  start: number;
  end: number;
  codes: string[];
  stance?: string;
  certainty?: string;
  claimant?: string;
}

/** The registry's actor of that name (added the first time). */
async function actor(name: string): Promise<string> {
  let id = actors.get(name);
  if (!id) {
    id = (await call<{ entity: { id: string } }>('registry.add', { entity: { kind: 'actor', nameLatin: name } })).entity
      .id;
    actors.set(name, id);
  }
  return id;
}

/**
 * Annotations made as the coder `name`, the way a coder makes them: settings.update, then create.
 * Each coder codes under a coder id of their own (here the name itself, so the report's coder keys
 * read as the names); renaming the annotator alone would keep one coder's id.
 */
async function codeAs(name: string, marks: Mark[]): Promise<void> {
  await call('settings.update', { annotator: name, coderId: name === '' ? null : name });
  for (const { doc, stance, certainty, claimant, ...m } of marks) {
    const values: Record<string, string> = {};
    if (claimant) values.claimant = await actor(claimant);
    if (stance) values.stance = values.position = stance;
    if (certainty) values.certainty = certainty;
    await call('annotations.create', { documentId: doc.id, ...m, values });
  }
}

const DOC1 = 'x'.repeat(40);
const DOC2 = 'y'.repeat(30);
const u = (coder: string, category: string, start: number, end: number): Unit => ({ coder, category, start, end });

function expectCodes(got: AgreementReport, coders: string[], units: Unit[], length: number, codes: string[]) {
  const expected = unitizingAlpha({ begin: 0, length, coders, units }, codes);
  expect(got.unitizing.alpha).toBeCloseTo(expected.alpha as number, 12);
  expect(got.unitizing.codes.map((c) => c.codeId)).toEqual(codes);
  expected.categories.forEach((r, i) => {
    const c = got.unitizing.codes[i];
    expect(c?.alpha).toBeCloseTo(r.alpha as number, 12);
    expect(c?.observed).toBeCloseTo(r.observed, 12);
    expect(c?.expected).toBeCloseTo(r.expected, 12);
    expect(c?.units).toBe(r.units);
  });
}

describe('agreement.report with two coders', () => {
  let d1: DocumentSummary;
  let d2: DocumentSummary;
  beforeEach(async () => {
    d1 = await addText(DOC1, 'One');
    d2 = await addText(DOC2, 'Two');
    await codeAs('Amal', [
      { doc: d1, start: 0, end: 10, codes: [C1], stance: 'supports', certainty: 'certain', claimant: 'UN' },
      { doc: d1, start: 15, end: 25, codes: [C2], stance: 'opposes' },
      { doc: d2, start: 0, end: 8, codes: [C1], stance: 'supports', claimant: 'GNA' },
    ]);
    await codeAs('Badr', [
      { doc: d1, start: 1, end: 10, codes: [C1], stance: 'supports', certainty: 'uncertain', claimant: 'UN' },
      { doc: d1, start: 20, end: 30, codes: [C2], stance: 'opposes' },
      { doc: d2, start: 0, end: 8, codes: [C1, C2], stance: 'opposes', claimant: 'GNA' },
      { doc: d2, start: 10, end: 20, codes: [C1], stance: 'supports' },
    ]);
  });

  it('gives αU per code and overall on the documents laid end to end (the second starts at 40)', async () => {
    const got = await report();
    expect(got.coders).toEqual(['Amal', 'Badr']);
    expect(got.length).toBe(70);
    expect(got.documentCount).toBe(2);
    const units = [
      u('Amal', C1, 0, 10),
      u('Amal', C2, 15, 25),
      u('Amal', C1, 40, 48),
      u('Badr', C1, 1, 10),
      u('Badr', C2, 20, 30),
      u('Badr', C1, 40, 48),
      u('Badr', C2, 40, 48),
      u('Badr', C1, 50, 60),
    ];
    // codebook order: ceasefire comes before arms-embargo
    expectCodes(got, ['Amal', 'Badr'], units, 70, [C1, C2]);
    expect(got.unitizing.units).toBe(8);
    expect(got.unitizing.alpha).not.toBeNull();
    expect(got.unitizing.alpha as number).toBeLessThan(1);
  });

  it('matches claims by overlap ≥ 0.5 and gives α, κ and % agreement per field on the matched claims', async () => {
    const got = await report();
    // matched: [0,10)~[1,10) (0.9) and doc 2 [0,8)~[0,8) (1.0); [15,25)~[20,30) is 5/15 < 0.5
    expect(got.overlap).toBe(0.5);
    expect(got.claims.matched).toBe(2);
    expect(got.claims.unmatched).toBe(3);
    expect(got.claims.perCoder).toEqual([
      { coder: 'Amal', name: 'Amal', annotations: 3, matched: 2, unmatched: 1 },
      { coder: 'Badr', name: 'Badr', annotations: 4, matched: 2, unmatched: 2 },
    ]);
    const matrices: Record<string, Value[][]> = {
      stance: [
        ['supports', 'supports'],
        ['supports', 'opposes'],
      ],
      certainty: [
        ['certain', null],
        ['uncertain', null],
      ] as Value[][],
      claimant: [
        ['UN', 'GNA'],
        ['UN', 'GNA'],
      ],
      // the position field's numbers: supports +1, opposes −1
      position: [
        [1, 1],
        [1, -1],
      ],
    };
    expect(got.claims.fields.map((f) => [f.field, f.metric])).toEqual([
      ['claimant', 'nominal'],
      ['stance', 'nominal'],
      ['certainty', 'nominal'],
      ['position', 'interval'],
    ]);
    for (const f of got.claims.fields) {
      const data = matrices[f.field] as Value[][];
      expect(f.units).toBe(2);
      expect(f.alpha).toEqual(krippendorffAlpha(data, f.metric));
      expect(f.interval).toEqual(bootstrapAlpha(data, f.metric));
      expect(f.cohenKappa).toEqual(cohenKappa(data[0] as Value[], data[1] as Value[]));
      expect(f.fleissKappa).toBeNull();
      expect(f.percentAgreement).toEqual(percentAgreement(data));
      expect(f.warnings.some((w) => /fewer than 10/.test(w))).toBe(true);
      expect(f.flags).toContainEqual({ kind: 'fewUnits', units: f.alpha.units, least: 10 });
    }
    // interval α of the positions differs from the nominal α of the stances it comes from
    const position = got.claims.fields.find((f) => f.field === 'position');
    expect(position?.alpha.alpha).toBe(krippendorffAlpha(matrices.position as Value[][], 'interval').alpha);
    // by hand: stance agrees on 1 of 2 claims; claimant on both; certainty was filled together once
    const byField = new Map(got.claims.fields.map((f) => [f.field, f]));
    expect(byField.get('stance')?.percentAgreement).toEqual({ agreement: 0.5, units: 2 });
    expect(byField.get('claimant')?.percentAgreement).toEqual({ agreement: 1, units: 2 });
    expect(byField.get('certainty')?.percentAgreement).toEqual({ agreement: 0, units: 1 });
    expect(byField.get('stance')?.cohenKappa?.kappa).toBe(0);
    expect(got.warnings.some((w) => /claimant/.test(w) && /fewer than 10/.test(w))).toBe(true);
  });

  it('takes the threshold, the fields, the coders and the codes asked for', async () => {
    const loose = await report({ overlap: 0.3, fields: ['stance'] });
    expect(loose.claims.matched).toBe(3);
    expect(loose.claims.fields.map((f) => f.field)).toEqual(['stance']);
    const stance = [
      ['supports', 'opposes', 'supports'],
      ['supports', 'opposes', 'opposes'],
    ];
    expect(loose.claims.fields[0]?.alpha).toEqual(krippendorffAlpha(stance, 'nominal'));

    const onlyC2 = await report({ codes: [C2], coders: ['Badr', 'Amal'] });
    expect(onlyC2.coders).toEqual(['Badr', 'Amal']);
    expectCodes(onlyC2, ['Badr', 'Amal'], [u('Amal', C2, 15, 25), u('Badr', C2, 20, 30), u('Badr', C2, 40, 48)], 70, [
      C2,
    ]);
    expect(onlyC2.claims.matched).toBe(0);
    expect(onlyC2.claims.perCoder).toEqual([
      { coder: 'Badr', name: 'Badr', annotations: 2, matched: 0, unmatched: 2 },
      { coder: 'Amal', name: 'Amal', annotations: 1, matched: 0, unmatched: 1 },
    ]);

    const second = await report({ documentIds: [d2.id] });
    expect(second.length).toBe(30);
    expectCodes(
      second,
      ['Amal', 'Badr'],
      [u('Amal', C1, 0, 8), u('Badr', C1, 0, 8), u('Badr', C2, 0, 8), u('Badr', C1, 10, 20)],
      30,
      [C1, C2],
    );
  });
});

describe('agreement.report: |uα, cuα and the disagreements', () => {
  it('gives |uα and cuα per code and overall, as the unit-tested functions give them', async () => {
    const d1 = await addText(DOC1, 'One');
    const d2 = await addText(DOC2, 'Two');
    await codeAs('Amal', [
      { doc: d1, start: 0, end: 10, codes: [C1] },
      { doc: d1, start: 15, end: 25, codes: [C2] },
      { doc: d2, start: 0, end: 8, codes: [C1] },
    ]);
    await codeAs('Badr', [
      { doc: d1, start: 1, end: 10, codes: [C1] },
      { doc: d1, start: 20, end: 30, codes: [C1, C2] },
      { doc: d2, start: 2, end: 8, codes: [C2] },
    ]);
    const got = await report();
    const study = {
      begin: 0,
      length: 70,
      coders: ['Amal', 'Badr'],
      units: [
        u('Amal', C1, 0, 10),
        u('Amal', C2, 15, 25),
        u('Amal', C1, 40, 48),
        u('Badr', C1, 1, 10),
        u('Badr', C1, 20, 30),
        u('Badr', C2, 20, 30),
        u('Badr', C2, 42, 48),
      ],
    };
    const pick = (r: { alpha: number | null; observed: number; expected: number }) => ({
      alpha: r.alpha,
      observed: r.observed,
      expected: r.expected,
    });
    expect(got.unitizing.boundary).toEqual(pick(boundaryAlpha(study, anyCode)));
    expect(got.unitizing.codingGivenUnits).toEqual(pick(codingGivenUnitsAlpha(study, codeSet)));
    for (const code of got.unitizing.codes) {
      expect(code.boundary).toEqual(pick(boundaryAlpha(study, codeOrGap(code.codeId))));
      expect(code.codingGivenUnits).toEqual(pick(codingGivenUnitsAlpha(study, codeOrOther(code.codeId))));
    }
    // the coders agree on where claims are better than on which code they carry
    expect(got.unitizing.boundary.alpha as number).toBeGreaterThan(got.unitizing.codingGivenUnits.alpha as number);
  });

  it('lists each unit where the coders differ, in reading order, with what differs', async () => {
    const d1 = await addText(DOC1, 'One');
    const d2 = await addText(DOC2, 'Two');
    await codeAs('Amal', [
      { doc: d1, start: 0, end: 10, codes: [C1], stance: 'supports', certainty: 'certain' },
      { doc: d1, start: 15, end: 25, codes: [C2] },
      { doc: d2, start: 0, end: 8, codes: [C1], stance: 'supports' },
      { doc: d2, start: 20, end: 28, codes: [C1], stance: 'supports' },
    ]);
    await codeAs('Badr', [
      { doc: d1, start: 1, end: 10, codes: [C1], stance: 'supports', certainty: 'uncertain' },
      { doc: d2, start: 0, end: 8, codes: [C1, C2], stance: 'opposes' },
      { doc: d2, start: 20, end: 28, codes: [C1], stance: 'supports' },
    ]);
    const got = await report({ fields: ['stance', 'certainty', 'position'] });
    expect(got.disagreementCount).toBe(3);
    expect(
      got.disagreements.map((d) => [d.documentTitle, d.differences, d.fields, d.marks.map((m) => [m.coder, m.start])]),
    ).toEqual([
      [
        'One',
        ['boundaries', 'values'],
        ['certainty'],
        [
          ['Amal', 0],
          ['Badr', 1],
        ],
      ],
      ['One', ['onlyOne'], [], [['Amal', 15]]],
      [
        'Two',
        ['codes', 'values'],
        ['stance', 'position'],
        [
          ['Amal', 0],
          ['Badr', 0],
        ],
      ],
    ]);
    const codes = got.disagreements[2]?.marks.map((m) => m.codes);
    expect(codes).toEqual([[C1], [C1, C2]]);
    expect(got.disagreements[2]?.documentId).toBe(d2.id);
    // each value named as the CSV names it (a choice by its item's name, not its number)
    expect(got.disagreements[2]?.marks[1]?.values).toEqual([
      { field: 'stance', value: 'opposes' },
      { field: 'certainty', value: '' },
      { field: 'position', value: 'opposes' },
    ]);
    expect(got.disagreements[0]?.marks[0]?.quote).toBe('x'.repeat(10));
  });
});

describe('agreement.report: perfect agreement, three coders, names from data', () => {
  it('gives α = 1 everywhere when two coders mark the same spans with the same values', async () => {
    const d = await addText(DOC1, 'One');
    const marks: Mark[] = [
      { doc: d, start: 0, end: 5, codes: [C1], stance: 'supports', claimant: 'A' },
      { doc: d, start: 10, end: 20, codes: [C2], stance: 'opposes', claimant: 'B' },
      { doc: d, start: 25, end: 30, codes: [C1, C2], stance: 'supports', claimant: 'B' },
    ];
    await codeAs('Amal', marks);
    await codeAs('Badr', marks);
    const got = await report({ fields: ['claimant', 'stance'] });
    expect(got.unitizing.alpha).toBe(1);
    expect(got.unitizing.codes.map((c) => c.alpha)).toEqual([1, 1]);
    expect(got.unitizing.observed).toBe(0);
    expect(got.claims.matched).toBe(3);
    expect(got.claims.unmatched).toBe(0);
    expect(got.unitizing.boundary.alpha).toBe(1);
    expect(got.unitizing.codingGivenUnits.alpha).toBe(1);
    expect(got.disagreements).toEqual([]);
    for (const f of got.claims.fields) {
      expect(f.alpha.alpha).toBe(1);
      expect([f.interval.low, f.interval.high]).toEqual([1, 1]);
      expect(f.alpha.units).toBe(3);
      expect(f.cohenKappa?.kappa).toBe(1);
      expect(f.percentAgreement).toEqual({ agreement: 1, units: 3 });
    }
  });

  it('uses Fleiss’ κ for three coders, one of them named __proto__, and warns of a dominant value', async () => {
    const d = await addText(DOC1, 'One');
    await codeAs('__proto__', [
      { doc: d, start: 0, end: 10, codes: [C1], stance: 'supports' },
      { doc: d, start: 20, end: 30, codes: [C1], stance: 'supports' },
    ]);
    await codeAs('Amal', [
      { doc: d, start: 0, end: 10, codes: [C1], stance: 'supports' },
      { doc: d, start: 21, end: 30, codes: [C1], stance: 'supports' },
    ]);
    await codeAs('constructor', [
      { doc: d, start: 1, end: 10, codes: [C1], stance: 'supports' },
      { doc: d, start: 20, end: 29, codes: [C1], stance: 'opposes' },
      { doc: d, start: 35, end: 40, codes: [C1], stance: 'supports' },
    ]);
    const got = await report({ fields: ['stance'] });
    // code-unit order: 'A' < '_' < 'c'
    expect(got.coders).toEqual(['Amal', '__proto__', 'constructor']);
    const units = [
      u('__proto__', C1, 0, 10),
      u('__proto__', C1, 20, 30),
      u('Amal', C1, 0, 10),
      u('Amal', C1, 21, 30),
      u('constructor', C1, 1, 10),
      u('constructor', C1, 20, 29),
      u('constructor', C1, 35, 40),
    ];
    expectCodes(got, ['Amal', '__proto__', 'constructor'], units, 40, [C1]);
    expect(got.claims.matched).toBe(2);
    expect(got.claims.perCoder.map((p) => [p.coder, p.matched, p.unmatched])).toEqual([
      ['Amal', 2, 0],
      ['__proto__', 2, 0],
      ['constructor', 2, 1],
    ]);
    const data = [
      ['supports', 'supports'],
      ['supports', 'supports'],
      ['supports', 'opposes'],
    ];
    const f = got.claims.fields[0];
    expect(f?.alpha).toEqual(krippendorffAlpha(data, 'nominal'));
    expect(f?.cohenKappa).toBeNull();
    expect(f?.fleissKappa).toEqual(fleissKappa(data));
    expect(f?.percentAgreement).toEqual({ agreement: 0.5, units: 2 });
    // 5 of 6 values are “supports”: 83%, not dominant; choosing two coders makes it 4 of 4
    expect(f?.warnings.some((w) => /dominates/.test(w))).toBe(false);
    const two = await report({ fields: ['stance'], coders: ['__proto__', 'Amal'] });
    expect(two.claims.fields[0]?.warnings.some((w) => /“supports”, holds 100%/.test(w))).toBe(true);
    // one category only: α is undefined, flagged so, and no interval is drawn from it
    expect(two.claims.fields[0]?.alpha.alpha).toBeNull();
    expect(two.claims.fields[0]?.flags).toContainEqual({ kind: 'undefined' });
    expect(two.claims.fields[0]?.warnings.some((w) => /is undefined: the coders gave one value only/.test(w))).toBe(
      true,
    );
    expect(two.claims.fields[0]?.interval).toMatchObject({ low: null, high: null, defined: 0 });
    expect(two.claims.fields[0]?.cohenKappa).not.toBeNull();
  });
});

describe('agreement.report: stored values that name a property of every object', () => {
  it('numbers the choices __proto__, constructor and toString as any other value', async () => {
    // choice items carrying the names of Object.prototype's properties (valid ids): the stance
    // compares them as they are (nominal), the position by their numbers (interval)
    const items = ['__proto__', 'constructor', 'toString'];
    const codebook = await call<{ codes: unknown[] }>('codebook.get', {});
    await call('codebook.save', {
      codes: codebook.codes,
      fields: [choice('stance', items), choice('position', items, [1, 2, 4])],
    });
    const d = await addText(DOC1, 'One');
    const spans = [0, 8, 16, 24, 32];
    const amal = ['__proto__', 'constructor', 'toString', '__proto__', 'constructor'];
    const badr = ['__proto__', 'toString', 'toString', 'constructor', 'constructor'];
    await codeAs(
      'Amal',
      spans.map((s, i) => ({ doc: d, start: s, end: s + 6, codes: [C1], stance: amal[i] })),
    );
    await codeAs(
      'Badr',
      spans.map((s, i) => ({ doc: d, start: s, end: s + 6, codes: [C1], stance: badr[i] })),
    );
    const got = await report();
    expect(got.claims.matched).toBe(5);
    const [stance, position] = got.claims.fields;
    expect([stance?.field, stance?.metric, position?.field, position?.metric]).toEqual([
      'stance',
      'nominal',
      'position',
      'interval',
    ]);
    const numbers = new Map(items.map((id, i) => [id, [1, 2, 4][i] as number]));
    const numbered = [amal, badr].map((row) => row.map((v) => numbers.get(v) as number));
    expect(stance?.alpha).toEqual(krippendorffAlpha([amal, badr], 'nominal'));
    expect(position?.alpha).toEqual(krippendorffAlpha(numbered, 'interval'));
    expect(stance?.alpha.units).toBe(5);
    expect(stance?.percentAgreement).toEqual({ agreement: 0.6, units: 5 });
    expect(stance?.cohenKappa).toEqual(cohenKappa(amal, badr));
    // the two claims the coders valued differently, each value named by its item
    expect(got.disagreements.map((x) => [x.differences, x.fields])).toEqual([
      [['values'], ['stance', 'position']],
      [['values'], ['stance', 'position']],
    ]);
    expect(got.disagreements.map((x) => x.marks.map((m) => m.values.map((v) => v.value)))).toEqual([
      [
        ['constructor', 'constructor'],
        ['toString', 'toString'],
      ],
      [
        ['__proto__', '__proto__'],
        ['constructor', 'constructor'],
      ],
    ]);
  });
});

describe('agreement.report: a chain of matches', () => {
  it('says when a matched claim holds two annotations of one coder, and takes the first', async () => {
    const d = await addText(DOC1, 'One');
    await codeAs('A', [
      { doc: d, start: 0, end: 10, codes: [C1], stance: 'supports' },
      { doc: d, start: 6, end: 16, codes: [C1], stance: 'opposes' },
    ]);
    await codeAs('B', [{ doc: d, start: 0, end: 10, codes: [C1], stance: 'supports' }]);
    await codeAs('C', [{ doc: d, start: 5, end: 15, codes: [C1], stance: 'supports' }]);
    const got = await report({ overlap: 0.3, fields: ['stance'] });
    expect(got.claims.matched).toBe(1);
    expect(got.claims.unmatched).toBe(0);
    expect(got.warnings.some((w) => /1 matched claim holds two annotations of one coder/.test(w))).toBe(true);
    expect(got.claims.fields[0]?.percentAgreement).toEqual({ agreement: 1, units: 1 });
  });
});

describe('agreement.coders', () => {
  it('lists the annotator names of the chosen documents with their counts, by name', async () => {
    const d1 = await addText(DOC1, 'One');
    const d2 = await addText(DOC2, 'Two');
    await codeAs('Badr', [{ doc: d1, start: 0, end: 5, codes: [C1] }]);
    await codeAs('__proto__', [
      { doc: d1, start: 0, end: 5, codes: [C1] },
      { doc: d2, start: 0, end: 5, codes: [C1] },
    ]);
    await codeAs('', [{ doc: d2, start: 6, end: 9, codes: [C1] }]);
    expect(await call('agreement.coders', {})).toEqual([
      { coder: 'Badr', name: 'Badr', annotations: 1 },
      { coder: '__proto__', name: '__proto__', annotations: 2 },
    ]);
    expect(await call('agreement.coders', { documentIds: [d2.id] })).toEqual([
      { coder: '__proto__', name: '__proto__', annotations: 1 },
    ]);
    await expect(call('agreement.coders', { documentIds: ['nope'] })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call('agreement.coders', { extra: 1 })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('counts an older annotation by name under the coder of that name, leaves the adjudicated layer out, and in a later session reads no document for it', async () => {
    const d1 = await addText(DOC1, 'One');
    await codeAs('Amal', [{ doc: d1, start: 0, end: 5, codes: [C1] }]);
    const [made] = await call<Array<Record<string, unknown>>>('annotations.list', { documentId: d1.id });
    const like = (id: string, extra: Record<string, unknown>) => {
      const { coderId: _drop, ...rest } = made as Record<string, unknown>;
      return { ...rest, id, ...extra };
    };
    await call('annotations.restore', {
      documentId: d1.id,
      annotations: [
        // made before coder ids, by the annotator the coder list names Amal
        like('old-amal', { annotator: 'Amal', start: 6, end: 9, quote: 'xxx' }),
        like('judged', {
          annotator: 'Carla',
          coderId: 'Carla',
          start: 10,
          end: 12,
          quote: 'xx',
          adjudication: { by: 'Carla', byId: 'Carla', at: made!.createdAt, decision: 'accept-a', from: [] },
        }),
      ],
    });
    const expected = [{ coder: 'Amal', name: 'Amal', annotations: 2 }];
    expect(await call('agreement.coders', {})).toEqual(expected);

    // a new session reads the file once (it was counted from memory while open) into the usage
    // index's file; the one after that reads no document at all
    const reopen = async () => {
      await store.flush();
      await store.close();
      store = await ProjectStore.open(dir);
      services = (await hostTestProject(store)).services;
    };
    await reopen();
    expect(await call('agreement.coders', {})).toEqual(expected);
    await reopen();
    const reads = vi.spyOn(store, 'peekDocument');
    const opened = vi.spyOn(store, 'document');
    expect(await call('agreement.coders', {})).toEqual(expected);
    expect(reads).not.toHaveBeenCalled();
    expect(opened).not.toHaveBeenCalled();
    // and a change is counted at once
    await codeAs('Badr', [{ doc: d1, start: 0, end: 5, codes: [C1] }]);
    expect(await call('agreement.coders', {})).toEqual([...expected, { coder: 'Badr', name: 'Badr', annotations: 1 }]);
  });
});

describe('agreement.report refuses what it cannot answer', () => {
  it('names unknown documents and codes, and needs two coders with annotations', async () => {
    const d = await addText(DOC1, 'One');
    await expect(report({ documentIds: ['nope'] })).rejects.toMatchObject({ code: 'not_found' });
    await expect(report()).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/two coders/),
    });
    await codeAs('Amal', [{ doc: d, start: 0, end: 5, codes: [C1] }]);
    await expect(report()).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/only “Amal”/),
    });
    await codeAs('Badr', [{ doc: d, start: 0, end: 5, codes: [C1] }]);
    await expect(report({ coders: ['Amal', 'Nobody'] })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(report({ codes: ['no-such-code'] })).rejects.toMatchObject({ code: 'not_found' });
    // a code nobody used leaves fewer than two coders with annotations of it
    await expect(report({ codes: [C2] })).rejects.toMatchObject({ code: 'invalid_input' });
    const ok = await report({ coders: ['Amal', 'Badr', 'Nobody'] });
    expect(ok.warnings).toContain('The coder “Nobody” has no annotations in the chosen documents.');
    expect(ok.notes).toEqual([{ kind: 'coderWithout', coder: 'Nobody' }]);
    // one category only: α is undefined, and the report says so rather than showing a number
    const stance = ok.claims.fields.find((f) => f.field === 'stance');
    expect(stance?.alpha.alpha).toBeNull();
    expect(stance?.flags).toContainEqual({ kind: 'noUnits' });
  });

  it('names a field the codebook does not have, or one it cannot compare (a note)', async () => {
    await expect(report({ fields: ['note'] })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/no field “note” agreement can compare/),
    });
    await expect(report({ fields: ['fatalities'] })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('compares a choice whose items carry numbers (Position: −1, 0, +1) as interval data', async () => {
    const cb = await call<{ codes: unknown[] }>('codebook.get', {});
    const position = {
      key: 'position',
      label: 'Position',
      type: 'choice',
      choices: [
        { id: 'proposes', name: 'proposes', value: 1 },
        { id: 'conditions', name: 'conditions', value: 0 },
        { id: 'rejects', name: 'rejects', value: -1 },
      ],
    };
    await call('codebook.save', { codes: cb.codes, fields: [position] });
    const d = await addText(DOC1, 'One');
    const mark = (start: number, p: string) => ({
      documentId: d.id,
      start,
      end: start + 5,
      codes: [C1],
      values: { position: p },
    });
    await call('settings.update', { annotator: 'Amal', coderId: 'Amal' });
    for (const [s0, p] of [
      [0, 'proposes'],
      [10, 'conditions'],
      [20, 'rejects'],
    ] as const)
      await call('annotations.create', mark(s0, p));
    await call('settings.update', { annotator: 'Badr', coderId: 'Badr' });
    for (const [s0, p] of [
      [0, 'proposes'],
      [10, 'rejects'],
      [20, 'rejects'],
    ] as const)
      await call('annotations.create', mark(s0, p));
    const got = await report();
    const f = got.claims.fields[0];
    expect(f?.field).toBe('position');
    expect(f?.metric).toBe('interval');
    expect(f?.alpha).toEqual(
      krippendorffAlpha(
        [
          [1, 0, -1],
          [1, -1, -1],
        ],
        'interval',
      ),
    );
  });

  it('validates its input', async () => {
    for (const bad of [
      { coders: ['Amal'] },
      { coders: ['Amal', ''] },
      { coders: ['Amal', 'x'.repeat(201)] },
      { fields: ['Not a key'] },
      { fields: [] },
      { overlap: 0 },
      { overlap: 1.5 },
      { overlap: '0.5' },
      { documentIds: ['../etc'] },
      { codes: [] },
      { extra: true },
      { coders: Array.from({ length: 101 }, (_, i) => `c${i}`) },
    ]) {
      await expect(report(bad), JSON.stringify(bad).slice(0, 60)).rejects.toMatchObject({ code: 'invalid_input' });
    }
  });
});
