/**
 * What the API accepts, the project files can hold: every writing method is called with the
 * largest values its input schema lets through, and the project then re-opens with nothing
 * quarantined and every value intact. The sizes are read from the API schemas themselves, so a
 * limit that drifts from the stored model (src/shared/model.ts) fails here, not at a user's next
 * start.
 */
import path from 'node:path';
import type { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api } from '@shared/api';
import type { Annotation, Code, Codebook } from '@shared/model';
import { ARTICLE_A, ARTICLE_B, filesIn, openTestProject, removeDir, tempDir, type Project } from './helpers';

/** The largest n for which `make(n)` passes `schema` (0 when none does), by bisection up to `ceiling`. */
function largestAccepted(schema: z.ZodType, make: (n: number) => unknown, ceiling = 100_000): number {
  if (!schema.safeParse(make(0)).success && !schema.safeParse(make(1)).success) return 0;
  let lo = 1;
  let hi = ceiling;
  expect(schema.safeParse(make(ceiling)).success, 'the schema has no upper limit').toBe(false);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (schema.safeParse(make(mid)).success) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** A string of n characters (Arabic letters, as researchers write them). */
const text = (n: number, seed = 'ر') => seed.repeat(n).slice(0, n);
const maxChars = (schema: z.ZodType, seed?: string) => largestAccepted(schema, (n) => text(n, seed));

type Shape = Record<string, z.ZodType>;
const shapeOf = (method: keyof typeof api): Shape => (api[method].input as unknown as { shape: Shape }).shape;
const codebookShape = (api['codebook.save'].input as unknown as { shape: Shape }).shape;
const codeShape = (codebookShape.codes as unknown as { element: { shape: Shape } }).element.shape;

let dir: string;
let p: Project;
beforeEach(async () => {
  dir = await tempDir('hashiya-limits-');
  p = await openTestProject(dir);
});
afterEach(async () => {
  if (!p.store.isClosed) await p.store.close();
  await removeDir(dir);
});

/** Close, re-open the folder and read every document: nothing may land in quarantine. */
async function reopen(): Promise<Project> {
  await p.store.close();
  p = await openTestProject(dir);
  for (const d of p.store.summaries()) await p.call('annotations.list', { documentId: d.id });
  expect(await filesIn(path.join(dir, 'quarantine'))).toEqual([]);
  expect((await p.call('project.info', {})).notices).toEqual([]);
  return p;
}

describe('the largest values the API accepts are stored and read back', () => {
  it('codebook.save: as many codes, stances and certainties as accepted, each field as long as accepted', async () => {
    const maxCodes = largestAccepted(
      codebookShape.codes as z.ZodType,
      (n) => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, name: `c${i}`, color: '#112233' })),
      10_000,
    );
    const maxStances = largestAccepted(
      codebookShape.stances as z.ZodType,
      (n) => Array.from({ length: n }, (_, i) => `s${i}`),
      10_000,
    );
    const maxCertainties = largestAccepted(
      codebookShape.certainties as z.ZodType,
      (n) => Array.from({ length: n }, (_, i) => `c${i}`),
      10_000,
    );
    const valueChars = largestAccepted(codebookShape.stances as z.ZodType, (n) => [text(n)]);
    const nameChars = maxChars(codeShape.name as z.ZodType);
    const long = {
      nameAr: text(maxChars(codeShape.nameAr as z.ZodType)),
      description: text(maxChars(codeShape.description as z.ZodType)),
      example: text(maxChars(codeShape.example as z.ZodType)),
    };
    // a few codes carry the longest fields; all of them would make a file no one writes by hand
    const codes: Code[] = Array.from({ length: maxCodes }, (_, i) => ({
      id: `code-${i}`,
      name: i < 3 ? `${i}${text(nameChars - String(i).length)}` : `Code ${i}`,
      nameAr: i < 3 ? long.nameAr : '',
      description: i < 3 ? long.description : '',
      example: i < 3 ? long.example : '',
      color: '#336699',
      key: null,
      parentId: i > 0 && i % 10 !== 0 ? `code-${i - (i % 10)}` : null,
    }));
    const stances = Array.from({ length: maxStances }, (_, i) => `${i} ${text(valueChars - String(i).length - 1)}`);
    const certainties = Array.from(
      { length: maxCertainties },
      (_, i) => `${i} ${text(valueChars - String(i).length - 1, 'ق')}`,
    );
    const saved = await p.call('codebook.save', { codes, stances, certainties });
    expect(saved.codes).toHaveLength(maxCodes);

    const q = await reopen();
    const cb: Codebook = await q.call('codebook.get', {});
    expect(cb.codes).toHaveLength(maxCodes);
    expect(cb.codes[0]).toMatchObject(long);
    expect(cb.stances).toEqual(stances);
    expect(cb.certainties).toEqual(certainties);
  });

  it('annotations.create, createMany, update, restore; renameValue; claimants.rename; documents.update; settings.update', async () => {
    const draft = shapeOf('annotations.create');
    const update = shapeOf('annotations.update');
    const restore = shapeOf('annotations.restore');
    const annotationShape = (restore.annotations as unknown as { element: { shape: Shape } }).element.shape;
    const max = {
      claimant: maxChars(draft.claimant as z.ZodType),
      stance: maxChars(draft.stance as z.ZodType),
      certainty: maxChars(draft.certainty as z.ZodType),
      note: maxChars(draft.note as z.ZodType),
      codes: largestAccepted(draft.codes as z.ZodType, (n) => Array.from({ length: n }, (_, i) => `code-${i}`), 10_000),
      updateClaimant: maxChars(update.claimant as z.ZodType),
      updateNote: maxChars(update.note as z.ZodType),
      restoreNote: maxChars(annotationShape.note as z.ZodType),
      restoreAnnotator: maxChars(annotationShape.annotator as z.ZodType),
      renameValue: maxChars(shapeOf('codebook.renameValue').to as z.ZodType),
      renameClaimant: maxChars(shapeOf('claimants.rename').to as z.ZodType),
      annotator: maxChars(shapeOf('settings.update').annotator as z.ZodType),
      title: maxChars(shapeOf('documents.update').title as z.ZodType),
      source: maxChars(shapeOf('documents.update').source as z.ZodType),
      url: maxChars(shapeOf('documents.update').url as z.ZodType),
      language: maxChars(shapeOf('documents.update').language as z.ZodType, 'a'),
    };

    await p.call('settings.update', { annotator: text(max.annotator, 'ب') });
    const current = await p.call('codebook.get', {});
    const codes = Array.from({ length: max.codes }, (_, i) => ({
      id: `code-${i}`,
      name: `Code ${i}`,
      color: '#336699',
    }));
    await p.call('codebook.save', { ...current, codes: [...current.codes, ...codes] });
    const codeIds = codes.map((c) => c.id);
    const a = (await p.call('documents.importText', { text: ARTICLE_A, title: 'A' })).document.id;
    const b = (await p.call('documents.importText', { text: ARTICLE_B, title: 'B' })).document.id;

    const fields = {
      codes: codeIds,
      claimant: text(max.claimant, 'ح'),
      stance: text(max.stance, 'ر'),
      certainty: text(max.certainty, 'ؤ'),
      note: text(max.note, 'ن'),
    };
    const created = await p.call('annotations.create', { documentId: a, start: 0, end: 5, ...fields });
    const many = await p.call('annotations.createMany', {
      documentId: b,
      drafts: [
        { documentId: b, start: 0, end: 4, ...fields },
        { documentId: b, start: 5, end: 10, ...fields },
      ],
    });
    const updated = await p.call('annotations.update', {
      id: many[0]?.id as string,
      claimant: text(max.updateClaimant, 'س'),
      note: text(max.updateNote, 'م'),
    });
    await p.call('annotations.delete', { id: many[1]?.id as string });
    const [restored] = await p.call('annotations.restore', {
      documentId: b,
      annotations: [
        { ...(many[1] as Annotation), note: text(max.restoreNote, 'ع'), annotator: text(max.restoreAnnotator, 'غ') },
      ],
    });
    const renamed = await p.call('codebook.renameValue', {
      list: 'stances',
      from: current.stances[0] as string,
      to: text(max.renameValue, 'ي'),
    });
    await p.call('annotations.update', {
      id: created.id,
      stance: renamed.codebook.stances.find((s) => s.startsWith('ي')) as string,
    });
    const renamedValue = await p.call('codebook.renameValue', {
      list: 'stances',
      from: text(max.renameValue, 'ي'),
      to: text(max.renameValue, 'ك'),
    });
    expect(renamedValue.affected).toBe(1);
    const claimant = await p.call('claimants.rename', { from: updated.claimant, to: text(max.renameClaimant, 'ل') });
    expect(claimant.affected).toBe(1);
    const meta = {
      title: text(max.title),
      source: text(max.source),
      url: text(max.url),
      language: text(max.language, 'a'),
      publishedAt: '2019-05-22', // a date is an ISO date, not a length to probe
    };
    await p.call('documents.update', { id: a, ...meta });

    const q = await reopen();
    const listA = await q.call('annotations.list', { documentId: a });
    expect(listA).toHaveLength(1);
    expect(listA[0]).toMatchObject({ ...fields, stance: text(max.renameValue, 'ك') });
    const listB = await q.call('annotations.list', { documentId: b });
    expect(listB.map((x) => x.claimant).sort()).toEqual([text(max.renameClaimant, 'ل'), fields.claimant].sort());
    expect(listB.find((x) => x.id === restored?.id)?.note).toBe(text(max.restoreNote, 'ع'));
    expect(q.store.summary(a)).toMatchObject(meta);
    expect((await q.call('codebook.get', {})).stances).toContain(text(max.renameValue, 'ك'));
  });

  it('refuses a stance or certainty longer than the codebook can hold, and changes nothing', async () => {
    const before = await p.call('codebook.get', {});
    await expect(
      p.call('codebook.renameValue', { list: 'stances', from: before.stances[0] as string, to: text(101) }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/at most 100 characters/) });
    await expect(
      p.call('codebook.renameValue', { list: 'certainties', from: before.certainties[0] as string, to: text(128) }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await p.call('codebook.get', {})).toEqual(before);
  });
});
