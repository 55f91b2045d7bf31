import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DifferencesOutput } from '@shared/api/adjudication';
import type { AgreementReport } from '@shared/api/agreement';
import type { Annotation, DocumentSummary } from '@shared/model';
import { ProjectStore } from '../store/projectStore';
import type { Services } from './index';
import { hostTestProject } from '../../../test/harness/project';

const C1 = 'ceasefire';
const C2 = 'arms-embargo';

let dir: string;
let services: Services;
let store: ProjectStore;
let doc: DocumentSummary;
const call = <T>(name: string, input: unknown) => services.dispatch(name, input) as Promise<T>;
const differences = () =>
  call<DifferencesOutput>('agreement.differences', { documentId: doc.id, coders: ['Amal', 'Badr'] });
const decide = (unit: string, decision: string, edit?: unknown) =>
  call<{ settled: { kind: string; annotation?: Annotation }; replaced: unknown }>('adjudication.decide', {
    documentId: doc.id,
    coders: ['Amal', 'Badr'],
    unit,
    decision,
    ...(edit ? { edit } : {}),
  });
const listed = () => call<Annotation[]>('annotations.list', { documentId: doc.id });
const adjudicated = async () => (await listed()).filter((a) => a.adjudication);

async function codeAs(name: string, marks: Array<{ start: number; end: number; codes: string[] }>) {
  // each coder's own copy: their own coder id (named as they are, so the coder keys read as names)
  await call('settings.update', { annotator: name, coderId: name });
  for (const m of marks) await call('annotations.create', { documentId: doc.id, ...m });
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-adjudication-'));
  store = await ProjectStore.open(dir);
  services = (await hostTestProject(store)).services;
  doc = (await call<{ document: DocumentSummary }>('documents.importText', { text: 'x'.repeat(60), title: 'Doc' }))
    .document;
  // one unit of each kind: other boundaries [0,10)/[2,10), other codes [20,30), only Amal [40,45), only Badr [50,55)
  await codeAs('Amal', [
    { start: 0, end: 10, codes: [C1] },
    { start: 20, end: 30, codes: [C1] },
    { start: 40, end: 45, codes: [C2] },
  ]);
  await codeAs('Badr', [
    { start: 2, end: 10, codes: [C1] },
    { start: 20, end: 30, codes: [C2] },
    { start: 50, end: 55, codes: [C1] },
  ]);
  await call('settings.update', { annotator: 'Carla', coderId: 'Carla' });
});
afterEach(async () => {
  await store.flush();
  await rm(dir, { recursive: true, force: true });
});

describe('agreement.differences', () => {
  it('lists each difference of the two coders in reading order, grouped in units, none decided', async () => {
    const got = await differences();
    expect(got.differences.map((d) => d.kind)).toEqual(['boundaries', 'codes', 'onlyA', 'onlyB']);
    expect(got.units.map((u) => [u.start, u.end, u.settled])).toEqual([
      [0, 10, null],
      [20, 30, null],
      [40, 45, null],
      [50, 55, null],
    ]);
    expect(got.coders).toEqual([
      { key: 'Amal', name: 'Amal' },
      { key: 'Badr', name: 'Badr' },
    ]);
    expect(got.decided).toBe(0);
  });

  it('refuses one coder named twice, and an unknown document, in words', async () => {
    await expect(call('agreement.differences', { documentId: doc.id, coders: ['Amal', 'Amal'] })).rejects.toThrow(
      'Choose two different coders.',
    );
    await expect(call('agreement.differences', { documentId: 'nope', coders: ['Amal', 'Badr'] })).rejects.toThrow();
  });
});

describe('adjudication.decide', () => {
  it('accepting a coder copies their annotation to the adjudicated layer, recording who decided, when and from what', async () => {
    const [boundaries] = (await differences()).units;
    const before = new Date().toISOString();
    const { settled } = await decide(boundaries!.unit, 'accept-b');
    const after = new Date().toISOString();
    const [made] = await adjudicated();
    expect(made).toEqual(settled.annotation);
    expect(made).toMatchObject({ start: 2, end: 10, codes: [C1], annotator: 'Carla' });
    expect(made!.adjudication).toMatchObject({ by: 'Carla', decision: 'accept-b', from: boundaries!.from });
    expect(made!.adjudication!.at >= before && made!.adjudication!.at <= after).toBe(true);
    // the coders' layers are as they were, and the unit reads as decided
    expect((await listed()).filter((a) => !a.adjudication)).toHaveLength(6);
    const again = await differences();
    expect(again.decided).toBe(1);
    expect(again.units[0]?.settled).toEqual({ kind: 'annotation', annotation: made });
  });

  it('deciding a unit again replaces its earlier decision', async () => {
    const [, codes] = (await differences()).units;
    await decide(codes!.unit, 'accept-a');
    const { replaced } = await decide(codes!.unit, 'accept-b');
    const layer = await adjudicated();
    expect(layer.map((a) => [a.codes, a.adjudication?.decision])).toEqual([[[C2], 'accept-b']]);
    expect(replaced).toMatchObject({ kind: 'annotation', annotation: { codes: [C1] } });
  });

  it('accepting the coder who marked nothing records “no claim here”: no annotation, the unit decided, kept on disk', async () => {
    const units = (await differences()).units;
    await decide(units[2]!.unit, 'accept-b'); // only Amal marked it; Badr marked nothing
    expect(await adjudicated()).toEqual([]);
    const got = await differences();
    expect(got.decided).toBe(1);
    expect(got.units[2]?.settled).toMatchObject({ kind: 'noClaim', noClaim: { by: 'Carla', decision: 'accept-b' } });
    await store.flush();
    const onDisk = JSON.parse(await readFile(path.join(dir, 'documents', `${doc.id}.json`), 'utf8'));
    expect(onDisk.noClaims).toHaveLength(1);
  });

  it('an edit writes the span and codes given, with the text’s quote; a bad span is refused and changes nothing', async () => {
    const [boundaries] = (await differences()).units;
    await expect(decide(boundaries!.unit, 'edited', { start: 1, end: 99, codes: [C1] })).rejects.toThrow(
      /past the end/,
    );
    await expect(decide(boundaries!.unit, 'edited', { start: 1, end: 9, codes: ['no-such-code'] })).rejects.toThrow(
      /Unknown code/,
    );
    expect(await adjudicated()).toEqual([]);
    await decide(boundaries!.unit, 'edited', { start: 1, end: 9, codes: [C1, C2] });
    expect(await adjudicated()).toMatchObject([
      { start: 1, end: 9, quote: 'x'.repeat(8), codes: [C1, C2], adjudication: { decision: 'edited' } },
    ]);
  });

  it('needs a named adjudicator and a unit where the coders differ', async () => {
    const [unit] = (await differences()).units;
    await call('settings.update', { annotator: null });
    await expect(decide(unit!.unit, 'accept-a')).rejects.toThrow(/Set your name/);
    await call('settings.update', { annotator: 'Carla' });
    await expect(decide('no-such-unit', 'accept-a')).rejects.toThrow(/do not differ there/);
    expect(await adjudicated()).toEqual([]);
  });
});

describe('adjudication.undo', () => {
  it('takes back one decision per call, the last first, down to undecided', async () => {
    const [first, second] = (await differences()).units;
    await decide(first!.unit, 'accept-a');
    await decide(second!.unit, 'accept-a');
    await decide(second!.unit, 'accept-b');
    const undone = await call<{ unit: string; settled: { annotation: Annotation } }>('adjudication.undo', {
      documentId: doc.id,
    });
    expect(undone.unit).toBe(second!.unit);
    expect((await adjudicated()).map((a) => [a.start, a.codes])).toEqual([
      [0, [C1]],
      [20, [C1]],
    ]);
    await call('adjudication.undo', { documentId: doc.id });
    await call('adjudication.undo', { documentId: doc.id });
    expect(await adjudicated()).toEqual([]);
    await expect(call('adjudication.undo', { documentId: doc.id })).rejects.toThrow(/no adjudication decision/);
  });
});

describe('the adjudicated layer in the CSV and the report', () => {
  const cellsOf = (csv: string) => {
    const lines = csv
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter((l) => l !== '');
    const header = (lines[0] as string).split(',');
    const at = header.indexOf('layer');
    return { header, layers: lines.slice(1).map((l) => [l.split(',')[header.indexOf('start')], l.split(',')[at]]) };
  };

  it('exports the layer column (coder name or adjudicated) and each layer on its own', async () => {
    const [first] = (await differences()).units;
    await decide(first!.unit, 'accept-a');
    const all = cellsOf((await call<{ csv: string }>('export.csv', {})).csv);
    expect(all.header.slice(13, 17)).toEqual(['annotator', 'created_at', 'updated_at', 'layer']);
    expect(all.layers).toEqual([
      ['0', 'Amal'],
      ['0', 'adjudicated'],
      ['2', 'Badr'],
      ['20', 'Amal'],
      ['20', 'Badr'],
      ['40', 'Amal'],
      ['50', 'Badr'],
    ]);
    const only = await call<{ csv: string; rows: number }>('export.csv', { layer: 'adjudicated' });
    expect(cellsOf(only.csv).layers).toEqual([['0', 'adjudicated']]);
    expect(only.rows).toBe(1);
    const coders = cellsOf((await call<{ csv: string }>('export.csv', { layer: 'coders' })).csv);
    expect(coders.layers.map((l) => l[1])).not.toContain('adjudicated');
    expect(coders.layers).toHaveLength(6);
    await expect(call('export.csv', { layer: 'mine' })).rejects.toThrow(/layer/);
  });

  it('leaves the adjudicated layer out of the agreement report, even when the adjudicator is a coder', async () => {
    const before = await call<AgreementReport>('agreement.report', {});
    await call('settings.update', { annotator: 'Amal', coderId: 'Amal' });
    for (const u of (await differences()).units) await decide(u.unit, 'accept-b');
    const after = await call<AgreementReport>('agreement.report', {});
    expect(after.coders).toEqual(['Amal', 'Badr']);
    expect(after.claims.perCoder).toEqual(before.claims.perCoder);
    expect(after.unitizing.alpha).toBe(before.unitizing.alpha);
  });
});
