/**
 * The summary's counts are the export's counts: per code (rows whose `code` is that code), per
 * actor (annotations naming that actor) and in total (rows), for one document and for
 * the project. The CSV is read with a real RFC 4180 reader: Python's csv module.
 */
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { closeProject, openProject, removeDir, tempDir, type Project } from './helpers';

let dir: string;
let p: Project;
beforeEach(async () => {
  dir = await tempDir();
  p = await openProject(dir);
});
afterEach(async () => {
  await closeProject(p);
  await removeDir(dir);
});

function readCsv(csv: string): Record<string, string>[] {
  const py =
    'import csv,io,json,sys\ndata=sys.stdin.read()\nprint(json.dumps(list(csv.DictReader(io.StringIO(data.lstrip("\\ufeff"), newline="")))))';
  return JSON.parse(execFileSync('python3', ['-c', py], { input: csv, encoding: 'utf8' }));
}

it('per code, per actor and in total, the summary counts what the CSV holds', async () => {
  const A = 'اقترح الرئيس 🙂 ماكرون وقف إطلاق النار. ورفض حفتر الشرط. وقال خليفه حفتر إن الهدنة انتهت.';
  const B = 'قالت الأمم المتحدة إن شحنة أسلحة وصلت إلى ميناء مصراتة في خرق لحظر السلاح.';
  const a = await p.addDocument(A, 'A');
  const b = await p.addDocument(B, 'B');
  const tag = async (doc: string, text: string, quote: string, codes: string[], claimant = '') => {
    const values: Record<string, string> = claimant ? { claimant: await p.actor(claimant) } : {};
    return p.call('annotations.create', { documentId: doc, ...p.span(text, quote), codes, values });
  };
  await tag(a, A, 'ماكرون', ['ceasefire-proposal', 'political-process'], 'ماكرون');
  await tag(a, A, 'ورفض حفتر', ['ceasefire-condition'], 'خليفة حفتر');
  await tag(a, A, 'الهدنة', [], 'خليفة حفتر');
  await tag(b, B, 'شحنة أسلحة', ['arms-embargo-violation', 'foreign-military-support'], 'الأمم المتحدة');
  await tag(b, B, 'مصراتة', ['arms-embargo-violation']);

  for (const scope of [undefined, a, b]) {
    const summary = await p.call('stats.summary', scope ? { documentId: scope } : {});
    const { csv } = await p.call('export.csv', scope ? { documentIds: [scope] } : {});
    const rows = readCsv(csv);
    expect(summary.csvRows, `total rows (${scope ?? 'project'})`).toBe(rows.length);
    for (const code of summary.codes) {
      expect(code.count, code.name).toBe(rows.filter((r) => r.code === code.name).length);
      // with its sub-codes: the rows whose code path is this code's or lies below it
      const below = rows.filter((r) => r.code_path === code.path || r.code_path?.startsWith(`${code.path} > `));
      expect(code.total, `${code.name} with sub-codes`).toBe(below.length);
    }
    for (const c of summary.actors) {
      expect(c.count, c.name).toBe(
        new Set(rows.filter((r) => r.claimant_id === c.id).map((r) => r.annotation_id)).size,
      );
    }
    expect(summary.annotations).toBe(new Set(rows.map((r) => r.annotation_id)).size);
    expect(summary.noClaimant).toBe(new Set(rows.filter((r) => r.claimant === '').map((r) => r.annotation_id)).size);
  }
  const project = await p.call('stats.summary', {});
  expect(project.codes.find((c) => c.id === 'arms-embargo-violation')?.count).toBe(2);
  expect(project.csvRows).toBe(7);
  // a parent that tags nothing itself stands for its children's uses
  const parent = (id: string) => project.codes.find((c) => c.id === id);
  expect(parent('ceasefire')).toMatchObject({ count: 0, total: 2 });
  expect(parent('arms-embargo')).toMatchObject({ count: 0, total: 3 });
  expect(parent('arms-embargo-violation')).toMatchObject({ count: 2, total: 2 });
});

it('a parent whose sub-codes (at any depth) have 11 uses shows 0 of its own and 11 in total', async () => {
  const T = 'قال المبعوث إن الهدنة صامدة في طرابلس.';
  const doc = await p.addDocument(T, 'T');
  // political-process moves under ceasefire-proposal, so ceasefire has a grandchild
  const cb = await p.call('codebook.get', {});
  await p.call('codebook.save', {
    ...cb,
    codes: cb.codes.map((c) => (c.id === 'political-process' ? { ...c, parentId: 'ceasefire-proposal' } : c)),
  });
  const words = ['قال', 'المبعوث', 'إن', 'الهدنة', 'صامدة', 'في', 'طرابلس'];
  for (let i = 0; i < 11; i++) {
    const codes = i < 4 ? ['ceasefire-proposal'] : i < 8 ? ['ceasefire-condition'] : ['political-process'];
    await p.call('annotations.create', { documentId: doc, ...p.span(T, words[i % words.length] as string), codes });
  }
  const summary = await p.call('stats.summary', {});
  const code = (id: string) => summary.codes.find((c) => c.id === id);
  expect(code('ceasefire')).toMatchObject({ count: 0, total: 11 });
  expect(code('ceasefire-proposal')).toMatchObject({ count: 4, total: 7 });
  expect(code('political-process')).toMatchObject({ count: 3, total: 3 });
  expect(code('politics')).toMatchObject({ count: 0, total: 0 });
});
