import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRow } from '@shared/csv';
import type { Annotation as AnnotationV3, ProjectFile as ProjectFileV3 } from '@shared/model';
import {
  DocumentFileV2 as DocumentFile,
  ProjectFileV2 as ProjectFile,
  type AnnotationV2 as Annotation,
} from '@shared/claims/formatV2';
import { claimantActorId, migrateDocumentV2toV3, migrateProjectV2toV3 } from '@shared/claims/migrateV2';
import { displayName, registryProblems } from '@shared/claims/registry';
import { checkClaimValues, valueOf } from '@shared/claims/values';

const FIXTURE = path.resolve(__dirname, '../fixtures/project-v2/project');
const read = (p: string): unknown => JSON.parse(readFileSync(p, 'utf8'));
const projectJson = read(path.join(FIXTURE, 'project.json'));
const documentFiles = readdirSync(path.join(FIXTURE, 'documents'))
  .sort()
  .map((f) => read(path.join(FIXTURE, 'documents', f)));

/** The claim columns of today's CSV for one annotation (claimant, stance, certainty, note). */
const before = (a: Annotation) => csvRow([a.id, a.claimant, a.stance, a.certainty, a.note]);
function after(project: ProjectFileV3, a: AnnotationV3): string {
  const field = (key: string) => project.codebook.fields.find((f) => f.key === key)!;
  const choice = (key: string) => {
    const id = valueOf(a.values, key);
    return id === undefined ? '' : (field(key).choices.find((c) => c.id === id)?.name ?? `?${String(id)}`);
  };
  const actorId = valueOf(a.values, 'claimant');
  const actor = project.registry.entities.find((e) => e.id === actorId);
  const note = valueOf(a.values, 'note');
  return csvRow([a.id, actor ? displayName(actor) : '', choice('position'), choice('certainty'), String(note ?? '')]);
}

describe('migrating a format-2 project to claim records', () => {
  it('reads a fixture written by the format-2 Hashiya', () => {
    expect(ProjectFile.safeParse(projectJson).success).toBe(true);
    for (const f of documentFiles) expect(DocumentFile.safeParse(f).success).toBe(true);
  });

  const v2 = ProjectFile.parse(projectJson);
  const docs2 = documentFiles.map((f) => DocumentFile.parse(f));
  const annotations2 = docs2.flatMap((d) => d.annotations);
  const inputs = JSON.stringify([projectJson, documentFiles]);
  const { project, documents, actors } = migrateProjectV2toV3(projectJson, documentFiles);

  it('keeps every claimant, stance, certainty and note: the claim columns are byte for byte the same', () => {
    expect(annotations2.length).toBe(9);
    const after3 = new Map(documents.flatMap((d) => d.annotations).map((a) => [a.id, a]));
    const csvBefore = annotations2.map(before).join('');
    const csvAfter = annotations2.map((a) => after(project, after3.get(a.id)!)).join('');
    expect(csvAfter).toBe(csvBefore);
    expect(csvBefore).toContain('اقتراح دون شرط\nمع رقابة دولية');
    expect(csvBefore).toContain('wavers');
  });

  it('copies everything else of every annotation and document unchanged', () => {
    docs2.forEach((d, i) => {
      const m = documents[i]!;
      expect(m.schemaVersion).toBe(3);
      expect(m.document).toEqual(d.document);
      m.annotations.forEach((a, j) => {
        const { claimant: _c, stance: _s, certainty: _t, note: _n, ...rest } = d.annotations[j]!;
        const { values: _v, ...kept } = a;
        expect(kept).toEqual(rest);
      });
    });
    expect(project.documents).toEqual(v2.documents);
    expect(project.settings).toEqual(v2.settings);
    expect(project.codebook.codes).toEqual(v2.codebook.codes);
    expect(project.name).toBe(v2.name);
  });

  it('makes one actor per distinct claimant spelling, with a stable id', () => {
    const spellings = [...new Set(annotations2.map((a) => a.claimant).filter(Boolean))];
    expect(spellings).toHaveLength(7);
    expect([...actors.keys()].sort()).toEqual(spellings.sort());
    expect(project.registry.entities.map(displayName).sort()).toEqual(spellings.sort());
    // خليفه حفتر and خليفة حفتر stay two actors, for the researcher to merge
    expect(actors.get('خليفه حفتر')).not.toBe(actors.get('خليفة حفتر'));
    expect(actors.get('خليفة حفتر')).toBe(claimantActorId('خليفة حفتر'));
    expect(project.registry.entities.find((e) => e.id === actors.get('Emmanuel Macron'))?.nameLatin).toBe(
      'Emmanuel Macron',
    );
    expect(registryProblems(project.registry)).toEqual([]);
  });

  it('turns the stance and certainty lists into the Position and Certainty choices, unlisted values after them', () => {
    const position = project.codebook.fields.find((f) => f.key === 'position')!;
    expect(position.choices.map((c) => [c.name, c.nameAr, c.value])).toEqual([
      ['proposes', 'يقترح', 1],
      ['supports', 'يؤيد', 1],
      ['rejects', 'يرفض', -1],
      ['conditions', 'يشترط', 0],
      ['reports', 'ينقل', 0],
      ['denies', 'ينفي', -1],
      ['calls for', 'يطالب', null],
      ['hesitates', '', null],
      ['wavers', '', null],
    ]);
    const certainty = project.codebook.fields.find((f) => f.key === 'certainty')!;
    expect(certainty.choices.map((c) => c.name)).toEqual([
      'asserted',
      'alleged',
      'reported',
      'rumoured',
      'second-hand',
    ]);
    expect(project.codebook.fields.map((f) => f.key)).toEqual([
      'claimant',
      'addressee',
      'object_actor',
      'form',
      'position',
      'certainty',
      'claim_date',
      'place',
      'justification',
      'note',
    ]);
  });

  it('writes values that the fields and the registry accept, and says what happened in a notice', () => {
    const ids = new Set(project.registry.entities.map((e) => e.id));
    for (const a of documents.flatMap((d) => d.annotations)) {
      const r = checkClaimValues(project.codebook.fields, a.values, {
        codes: a.codes,
        hasEntity: (_k, id) => ids.has(id),
      });
      expect(r).toEqual({ ok: true, values: a.values });
    }
    const notice = project.notices.find((n) => n.code === 'claims_migrated');
    expect(notice?.message).toContain('7 claimant spellings became actors');
  });

  it('changes neither input, and gives the same result twice', () => {
    expect(JSON.stringify([projectJson, documentFiles])).toBe(inputs);
    expect(migrateProjectV2toV3(projectJson, [...documentFiles].reverse()).project).toEqual(project);
  });

  it('gives the same claims when project.json is migrated first and each document later, one by one', () => {
    let lazy = migrateProjectV2toV3(projectJson, []).project;
    expect(lazy.registry.entities).toEqual([]);
    const docs = documentFiles.map((f) => {
      const r = migrateDocumentV2toV3(f, lazy);
      expect(r.projectChanged).toBe(true);
      lazy = r.project;
      return r.document;
    });
    expect(docs).toEqual(documents);
    const byId = (p: ProjectFileV3) => [...p.registry.entities].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(lazy)).toEqual(byId(project));
    const names = (p: ProjectFileV3, key: string) =>
      p.codebook.fields
        .find((f) => f.key === key)!
        .choices.map((c) => [c.id, c.name, c.value])
        .sort();
    expect(names(lazy, 'position')).toEqual(names(project, 'position'));
    expect(names(lazy, 'certainty')).toEqual(names(project, 'certainty'));
    // a document migrated again against the complete project adds nothing
    expect(migrateDocumentV2toV3(documentFiles[0], project).projectChanged).toBe(false);
  });

  it('refuses a file that is not format 2, a newer one included, with a sentence', () => {
    const newer = { ...(projectJson as object), schemaVersion: 4 };
    expect(() => migrateProjectV2toV3(newer, documentFiles)).toThrow('already format 4');
    expect(() => migrateProjectV2toV3(project, [])).toThrow('already format 3');
    expect(() => migrateProjectV2toV3({ schemaVersion: 2 }, [])).toThrow('project.json is not a format-2 file');
    const broken = { ...(documentFiles[0] as object), annotations: 'x' };
    expect(() => migrateProjectV2toV3(projectJson, [broken])).toThrow('is not a format-2 file (annotations');
  });
});
