/**
 * A project folder written by the format-2 Hashiya (test/fixtures/project-v2) opened through the
 * real store and services: it becomes format 3 with every claimant, stance, certainty and note
 * kept (the CSV's claim columns byte for byte), the format-2 files kept in backups/; a crash
 * between the upgrade's writes (documents still at 2) gives the same project; a file of format 4
 * is refused and never rewritten.
 */
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvRow, unguardCsvText } from '@shared/csv';
import { readCsv } from '@shared/claims/csvRead';
import { migrateProjectV2toV3 } from '@shared/claims/migrateV2';
import { DocumentFileV2, ProjectFileV2 } from '@shared/claims/formatV2';
import { ProjectStore } from '../../src/main/store/projectStore';
import { closeProject, openProject, removeDir, tempDir, type Project } from '../codebook/helpers';

const FIXTURE = path.resolve(__dirname, '../fixtures/project-v2/project');
const json = async (p: string): Promise<unknown> => JSON.parse(await readFile(p, 'utf8'));

let dir: string;
let root: string;
let opened: Project[] = [];
beforeEach(async () => {
  dir = await tempDir();
  root = path.join(dir, 'project');
  await cp(FIXTURE, root, { recursive: true });
  opened = [];
});
afterEach(async () => {
  for (const p of opened) await closeProject(p);
  await removeDir(dir);
});

const open = async () => {
  const p = await openProject(root);
  opened.push(p);
  return p;
};

/** The fixture's annotations as format 2 read them. */
async function fixtureAnnotations() {
  const names = (await readdir(path.join(FIXTURE, 'documents'))).sort();
  const files = await Promise.all(
    names.map(async (n) => DocumentFileV2.parse(await json(path.join(FIXTURE, 'documents', n)))),
  );
  return files.flatMap((f) => f.annotations);
}

/** The claim columns of the format-2 export, one line per annotation, by annotation id. */
const before = (a: { id: string; claimant: string; stance: string; certainty: string; note: string }) =>
  csvRow([a.id, a.claimant, a.stance, a.certainty, a.note]);

/** The same columns of the format-3 export (claimant, position, certainty, note), the formula guard taken off. */
async function after(p: Project): Promise<Map<string, string>> {
  const { csv } = await p.call('export.csv', { rowPer: 'annotation' });
  const [header = [], ...rows] = readCsv(csv.replace(/^\uFEFF/, ''));
  const col = (name: string) => header.indexOf(name);
  const cells = ['annotation_id', 'claimant', 'position', 'certainty', 'note'].map(col);
  expect(cells.every((i) => i >= 0)).toBe(true);
  return new Map(
    rows.map((r) => [r[cells[0] as number] as string, csvRow(cells.map((i) => unguardCsvText(r[i] ?? '')))]),
  );
}

describe('opening a format-2 project folder', () => {
  it('upgrades it to format 3 with every value kept, byte for byte in the CSV, and keeps the old files in backups/', async () => {
    const v2 = await fixtureAnnotations();
    expect(v2).toHaveLength(9);
    const p = await open();
    const columns = await after(p);
    expect(v2.map((a) => columns.get(a.id)).join('')).toBe(v2.map(before).join(''));
    // claimants are actors now, one per spelling; the stances are the Position field's choices
    const registry = await p.call('registry.get', {});
    expect(registry.entities.map((e) => e.nameAr || e.nameLatin).sort()).toEqual(
      [...new Set(v2.map((a) => a.claimant.trim()).filter(Boolean))].sort(),
    );
    const position = (await p.call('codebook.get', {})).fields.find((f) => f.key === 'position');
    expect(position?.choices.map((c) => c.name)).toEqual(expect.arrayContaining(['proposes', 'calls for', 'wavers']));
    // on disk: format 3, and the format-2 files among the backups
    expect((await json(path.join(root, 'project.json'))) as { schemaVersion: number }).toMatchObject({
      schemaVersion: 3,
    });
    for (const n of await readdir(path.join(root, 'documents')))
      expect((await json(path.join(root, 'documents', n))) as { schemaVersion: number }).toMatchObject({
        schemaVersion: 3,
      });
    const backups = await readdir(path.join(root, 'backups', 'project'));
    const kept = await Promise.all(backups.map((b) => json(path.join(root, 'backups', 'project', b))));
    expect(kept.some((k) => ProjectFileV2.safeParse(k).success)).toBe(true);
    expect(await readdir(path.join(root, 'backups', 'documents'))).toHaveLength(2);
    // the claims are real records: the service takes a claim of an actor it migrated
    const actor = registry.entities[0]!.id;
    const doc = p.store.summaries()[0]!.id;
    const made = await p.call('annotations.create', {
      documentId: doc,
      start: 0,
      end: 3,
      codes: [],
      values: { claimant: actor },
    });
    expect(made.values).toEqual({ claimant: actor });
  });

  it('gives the same project after a crash between the writes (project.json at 3, documents still at 2)', async () => {
    // the whole-folder upgrade, done the normal way in a second copy
    const other = path.join(dir, 'normal');
    await cp(FIXTURE, other, { recursive: true });
    const normal = await openProject(other);
    opened.push(normal);
    const normalCsv = (await normal.call('export.csv', { rowPer: 'annotation' })).csv;
    const normalRegistry = await normal.call('registry.get', {});
    const normalCodebook = await normal.call('codebook.get', {});

    // here, project.json was written and Hashiya stopped before any document was
    const names = (await readdir(path.join(root, 'documents'))).sort();
    const docs = await Promise.all(names.map((n) => json(path.join(root, 'documents', n))));
    const { project } = migrateProjectV2toV3(await json(path.join(root, 'project.json')), docs);
    await writeFile(path.join(root, 'project.json'), JSON.stringify(project));
    const p = await open();
    expect((await p.call('export.csv', { rowPer: 'annotation' })).csv).toBe(normalCsv);
    expect(await p.call('registry.get', {})).toEqual(normalRegistry);
    expect(await p.call('codebook.get', {})).toEqual(normalCodebook);
    for (const n of names)
      expect((await json(path.join(root, 'documents', n))) as { schemaVersion: number }).toMatchObject({
        schemaVersion: 3,
      });
  });

  it('gives the same result when a document at 2 brings actors the project does not have yet', async () => {
    // project.json upgraded alone (as a restored backup would be): each document adds its own claimants
    const names = (await readdir(path.join(root, 'documents'))).sort();
    const docs = await Promise.all(names.map((n) => json(path.join(root, 'documents', n))));
    const whole = migrateProjectV2toV3(await json(path.join(root, 'project.json')), docs);
    const alone = migrateProjectV2toV3(await json(path.join(root, 'project.json')), []);
    await writeFile(path.join(root, 'project.json'), JSON.stringify(alone.project));
    const p = await open();
    const columns = await after(p);
    const v2 = await fixtureAnnotations();
    expect(v2.map((a) => columns.get(a.id)).join('')).toBe(v2.map(before).join(''));
    const ids = (r: { entities: { id: string }[] }) => r.entities.map((e) => e.id).sort();
    expect(ids(await p.call('registry.get', {}))).toEqual(ids(whole.project.registry));
    // and project.json was saved with them
    await closeProject(p);
    opened = [];
    const saved = (await json(path.join(root, 'project.json'))) as { registry: { entities: { id: string }[] } };
    expect(ids(saved.registry)).toEqual(ids(whole.project.registry));
  });

  it('restores the format-2 backup of project.json alone with every claim still naming a known actor and choice', async () => {
    const p = await open();
    const csvBefore = (await p.call('export.csv', { rowPer: 'annotation' })).csv;
    const backups = await p.call('backups.list', { documentId: null });
    const v2 = [];
    for (const b of backups) {
      const raw = await readFile(path.join(root, 'backups', 'project', b.name), 'utf8');
      if (ProjectFileV2.safeParse(JSON.parse(raw)).success) v2.push(b.name);
    }
    expect(v2).toHaveLength(1);
    await p.call('backups.restore', { documentId: null, name: v2[0] as string });
    // every value a claim holds is a known actor, or an item of its choice field
    const registry = await p.call('registry.get', {});
    const codebook = await p.call('codebook.get', {});
    const actors = new Set(registry.entities.map((e) => e.id));
    const unknown: string[] = [];
    for (const s of p.store.summaries())
      for (const a of await p.call('annotations.list', { documentId: s.id }))
        for (const [key, value] of Object.entries(a.values)) {
          const field = codebook.fields.find((f) => f.key === key);
          if (!field) unknown.push(key);
          else if (field.type === 'actor' && !actors.has(value as string)) unknown.push(`${key}=${String(value)}`);
          else if (field.type === 'choice' && !field.choices.some((c) => c.id === value))
            unknown.push(`${key}=${String(value)}`);
        }
    expect(unknown).toEqual([]);
    // the choices only claims brought (not in the format-2 lists) were kept, and the user is told
    const position = codebook.fields.find((f) => f.key === 'position');
    expect(position?.choices.map((c) => c.id)).toContain('wavers');
    expect((await p.call('project.info', {})).notices.map((n) => n.code)).toContain('claims_kept');
    expect((await p.call('export.csv', { rowPer: 'annotation' })).csv).toBe(csvBefore);
  });

  it('refuses a project.json of format 4, and leaves every file as it was', async () => {
    const file = path.join(root, 'project.json');
    const v4 = JSON.stringify({ ...((await json(file)) as object), schemaVersion: 4 });
    await writeFile(file, v4);
    const docsBefore = await Promise.all(
      (await readdir(path.join(root, 'documents'))).map((n) => readFile(path.join(root, 'documents', n), 'utf8')),
    );
    await expect(ProjectStore.open(root)).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringMatching(/newer version of Hashiya \(file format 4/),
    });
    expect(await readFile(file, 'utf8')).toBe(v4);
    const docsAfter = await Promise.all(
      (await readdir(path.join(root, 'documents'))).map((n) => readFile(path.join(root, 'documents', n), 'utf8')),
    );
    expect(docsAfter).toEqual(docsBefore);
  });

  it('refuses a document of format 4 in a format-3 project, and leaves it as it was', async () => {
    const p = await open();
    const id = p.store.summaries()[0]!.id;
    await closeProject(p);
    opened = [];
    const file = path.join(root, 'documents', `${id}.json`);
    const v4 = JSON.stringify({ ...((await json(file)) as object), schemaVersion: 4 });
    await writeFile(file, v4);
    const q = await open();
    await expect(q.call('annotations.list', { documentId: id })).rejects.toMatchObject({ code: 'unsupported' });
    expect(await readFile(file, 'utf8')).toBe(v4);
  });
});
