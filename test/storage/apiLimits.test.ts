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
  it('codebook.save: as many codes, claim fields and choices as accepted, each label as long as accepted', async () => {
    const fieldsSchema = codebookShape.fields as z.ZodType;
    const maxCodes = largestAccepted(
      codebookShape.codes as z.ZodType,
      (n) => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, name: `c${i}`, color: '#112233' })),
      10_000,
    );
    const maxFields = largestAccepted(
      fieldsSchema,
      (n) => Array.from({ length: n }, (_, i) => ({ key: `f${i}`, label: `F${i}`, type: 'text' })),
      10_000,
    );
    const maxChoices = largestAccepted(
      fieldsSchema,
      (n) => [
        {
          key: 'c',
          label: 'C',
          type: 'choices',
          choices: Array.from({ length: n }, (_, i) => ({ id: `i${i}`, name: `i${i}` })),
        },
      ],
      10_000,
    );
    const labelChars = largestAccepted(fieldsSchema, (n) => [{ key: 'l', label: text(n), type: 'text' }]);
    const choiceChars = largestAccepted(fieldsSchema, (n) => [
      { key: 'c', label: 'C', type: 'choice', choices: [{ id: 'x', name: text(n) }] },
    ]);
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
    const fields = [
      ...Array.from({ length: maxFields - 1 }, (_, i) => ({
        key: `f${i}`,
        label: `${i}${text(labelChars - String(i).length)}`,
        labelAr: text(labelChars, 'ع'),
        description: '',
        type: 'text' as const,
        required: false,
        codes: null,
        choices: [],
      })),
      {
        key: 'many',
        label: 'Many',
        labelAr: '',
        description: '',
        type: 'choices' as const,
        required: false,
        codes: ['code-1'],
        choices: Array.from({ length: maxChoices }, (_, i) => ({
          id: `i${i}`,
          name: `${i} ${text(choiceChars - String(i).length - 1)}`,
          nameAr: '',
          value: i % 3 === 0 ? null : i - 100,
        })),
      },
    ];
    const saved = await p.call('codebook.save', { codes, fields });
    expect(saved.codes).toHaveLength(maxCodes);

    const q = await reopen();
    const cb: Codebook = await q.call('codebook.get', {});
    expect(cb.codes).toHaveLength(maxCodes);
    expect(cb.codes[0]).toMatchObject(long);
    expect(cb.fields).toEqual(fields);
  });

  it('annotations.create, createMany, update, restore; the registry; documents.update; settings.update', async () => {
    const draft = shapeOf('annotations.create');
    const restore = shapeOf('annotations.restore');
    const annotationShape = (restore.annotations as unknown as { element: { shape: Shape } }).element.shape;
    const entityShape = (shapeOf('registry.add').entity as unknown as { shape: Shape }).shape;
    const max = {
      note: largestAccepted(draft.values as z.ZodType, (n) => ({ note: text(n) })),
      codes: largestAccepted(draft.codes as z.ZodType, (n) => Array.from({ length: n }, (_, i) => `code-${i}`), 10_000),
      restoreNote: largestAccepted(annotationShape.values as z.ZodType, (n) => ({ note: text(n) })),
      restoreAnnotator: maxChars(annotationShape.annotator as z.ZodType),
      actorName: maxChars(entityShape.nameAr as z.ZodType),
      aliases: largestAccepted(entityShape.aliases as z.ZodType, (n) => Array.from({ length: n }, (_, i) => `a${i}`)),
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

    // the longest names and as many spellings as an actor takes (the old names become aliases on a rename)
    const actor = (
      await p.call('registry.add', {
        entity: {
          kind: 'actor',
          nameAr: text(max.actorName, 'ح'),
          nameLatin: text(max.actorName, 'x'),
          aliases: Array.from({ length: max.aliases - 2 }, (_, i) => `${i} ${text(max.actorName - 6, 'ك')}`),
        },
      })
    ).entity;
    const other = (await p.call('registry.add', { entity: { kind: 'actor', nameAr: text(max.actorName, 'م') } }))
      .entity;
    const values = { claimant: actor.id, position: 'proposes', certainty: 'asserted', note: text(max.note, 'ن') };
    const created = await p.call('annotations.create', { documentId: a, start: 0, end: 5, codes: codeIds, values });
    const many = await p.call('annotations.createMany', {
      documentId: b,
      drafts: [
        { documentId: b, start: 0, end: 4, codes: codeIds, values },
        { documentId: b, start: 5, end: 10, codes: codeIds, values },
      ],
    });
    await p.call('annotations.update', {
      id: many[0]?.id as string,
      values: { ...values, claimant: other.id, note: text(max.note, 'م') },
    });
    await p.call('annotations.delete', { id: many[1]?.id as string });
    const [restored] = await p.call('annotations.restore', {
      documentId: b,
      annotations: [
        {
          ...(many[1] as Annotation),
          values: { ...values, note: text(max.restoreNote, 'ع') },
          annotator: text(max.restoreAnnotator, 'غ'),
        },
      ],
    });
    const merged = await p.call('registry.merge', { fromIds: [other.id], intoId: actor.id });
    expect(merged.moved).toBe(1);
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
    expect(listA[0]?.id).toBe(created.id);
    expect(listA[0]?.values).toEqual(values);
    const listB = await q.call('annotations.list', { documentId: b });
    expect(listB.map((x) => x.values.claimant)).toEqual([actor.id, actor.id]);
    expect(listB.find((x) => x.id === restored?.id)?.values.note).toBe(text(max.restoreNote, 'ع'));
    expect(q.store.summary(a)).toMatchObject(meta);
    const registry = await q.call('registry.get', {});
    expect(registry.entities.map((e) => e.id)).toEqual([actor.id]);
    expect(registry.entities[0]?.aliases).toContain(text(max.actorName, 'م'));
  });

  it('refuses a value the fields cannot hold with a sentence, and changes nothing', async () => {
    const a = (await p.call('documents.importText', { text: ARTICLE_A, title: 'A' })).document.id;
    const made = await p.call('annotations.create', { documentId: a, start: 0, end: 5, codes: [] });
    await expect(
      p.call('annotations.update', { id: made.id, values: { position: 'hesitates' } }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/“Position” has no choice “hesitates”/),
    });
    await expect(
      p.call('annotations.update', { id: made.id, values: { claim_date: '2019-13-45' } }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(p.call('registry.add', { entity: { kind: 'actor', nameAr: '\u0007\u0008' } })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect((await p.call('annotations.list', { documentId: a }))[0]?.values).toEqual({});
    expect((await p.call('registry.get', {})).entities).toEqual([]);
  });
});
