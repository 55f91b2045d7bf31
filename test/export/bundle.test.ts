/** export.bundle: one .zip holding the CSV, the texts and the JSON-LD, read back by Python's zipfile. */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject, type TestProject } from './project';

const AR = '😀 قال المشير 🇱🇾 خليفة حفتر: نقترح وقف إطلاق النار.\nوردّ السراج بالرفض.';
const EN = 'Emoji first 🎉 then the UN envoy spoke.';

const CHECK = `
import csv, io, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
bad = z.testzip()
names = z.namelist()
csv_name = [n for n in names if n.endswith('.csv')][0]
raw = z.read(csv_name)
rows = list(csv.DictReader(io.StringIO(raw.decode('utf-8-sig'), newline='')))
ok = []
for r in rows:
    text = z.read('texts/' + r['document_id'] + '.txt').decode('utf-8')
    q = r['quote'][1:] if r['quote'].startswith("'") else r['quote']
    ok.append(text[int(r['start']):int(r['end'])] == q)
jsonld = json.loads(z.read([n for n in names if n.endswith('.jsonld')][0]))
fields = json.loads(z.read('fields.json').decode('utf-8')) if 'fields.json' in names else None
print(json.dumps({'bad': bad, 'names': names, 'bom': raw[:3] == b'\\xef\\xbb\\xbf', 'ok': ok, 'total': jsonld['total'], 'readme': 'README.txt' in names, 'fields': fields}))
`;

let p: TestProject;
let ids: string[];

beforeAll(async () => {
  p = await openProject('مشروع ليبيا');
  const ar = await p.addText(AR, 'Haftar');
  const en = await p.addText(EN, 'Envoy');
  ids = [ar.id, en.id];
  await p.annotate(ar.id, AR, '🇱🇾 خليفة حفتر', { codes: ['ceasefire-proposal', 'political-process'] });
  await p.annotate(en.id, EN, 'UN envoy');
});
afterAll(async () => {
  await p.close();
});

describe('export.bundle', () => {
  it('is a valid zip with the CSV, every text and the JSON-LD, and the CSV offsets point into the texts', async () => {
    const out = await p.call<{ fileName: string; data: string; files: number }>('export.bundle', {});
    expect(out.fileName).toMatch(/^hashiya-مشروع-ليبيا-\d{4}-\d{2}-\d{2}\.zip$/);
    const file = path.join(p.dir, 'bundle.zip');
    await writeFile(file, Buffer.from(out.data, 'base64'));
    const r = JSON.parse(execFileSync('python3', ['-c', CHECK, file], { encoding: 'utf8' })) as {
      bad: string | null;
      names: string[];
      bom: boolean;
      ok: boolean[];
      total: number;
      readme: boolean;
      fields: { format: string; version: number; fields: unknown[] } | null;
    };
    expect(r.bad).toBeNull();
    expect(r.names.filter((n) => n.startsWith('texts/')).sort()).toEqual(ids.map((id) => `texts/${id}.txt`).sort());
    expect(r.readme).toBe(true);
    expect(r.bom).toBe(true);
    expect(r.ok).toEqual([true, true, true]);
    expect(r.total).toBe(2);
    // the CSV, the JSON-LD, actors.csv, fields.json, the README and two texts
    expect(r.names).toContain('actors.csv');
    // fields.json: the codebook's claim fields, whole and in order (the CSV's claim columns)
    const { fields } = await p.call<{ fields: unknown[] }>('codebook.get', {});
    expect(r.fields).toEqual({ format: 'hashiya-fields', version: 1, fields });
    expect(fields.length).toBeGreaterThan(0);
    expect(out.files).toBe(7);
  });

  it('holds only the chosen documents', async () => {
    const out = await p.call<{ data: string }>('export.bundle', { documentIds: [ids[1]], rowPer: 'annotation' });
    const file = path.join(p.dir, 'one.zip');
    await writeFile(file, Buffer.from(out.data, 'base64'));
    const r = JSON.parse(execFileSync('python3', ['-c', CHECK, file], { encoding: 'utf8' })) as {
      names: string[];
      ok: boolean[];
    };
    expect(r.names.filter((n) => n.startsWith('texts/'))).toEqual([`texts/${ids[1]}.txt`]);
    expect(r.ok).toEqual([true]);
  });
});
