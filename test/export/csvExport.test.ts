/**
 * The CSV a researcher opens: parsed with Python's csv module (a real, independent reader) and
 * checked against the exported canonical texts in code points.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectStore } from '../../src/main/store/projectStore';
import { hostTestProject } from '../harness/project';
import type { TextFile } from '@shared/api/exchange';
import type { Annotation, Codebook, Document, DocumentSummary } from '@shared/model';
import { openProject, type TestProject } from './project';

const here = path.dirname(fileURLToPath(import.meta.url));

const AR = [
  '😀 قال المشير 🇱🇾 خليفة حفتر: نقترح وقف إطلاق النار 👍🏽 فوراً.',
  '-2+3 هو رقم في الفقرة الثانية، "مقتبس" هنا.',
  'فقرة ثالثة: =SUM(A1) ليست صيغة.',
].join('\n');
const EN = 'Emoji first 🎉 then the UN envoy said the truce holds.';

const COLUMNS = [
  'document_id',
  'document_title',
  'document_source',
  'document_date',
  'annotation_id',
  'code',
  'code_path',
  'quote',
  'prefix',
  'suffix',
  'start',
  'end',
  'paragraph',
  'annotator',
  'created_at',
  'updated_at',
  'layer',
  // the political-claims template's fields, in their order (docs/claims.md "CSV columns")
  ...['claimant', 'addressee', 'object_actor'].flatMap((k) => [k, `${k}_id`, `${k}_type`, `${k}_affiliation`]),
  'form',
  'form_value',
  'position',
  'position_value',
  'certainty',
  'certainty_value',
  'claim_date',
  'place',
  'place_id',
  'place_type',
  'place_affiliation',
  'justification',
  'note',
];

type Row = Record<string, string> & { _slice_ok: boolean; _slice: string; _slice_utf8_hex: string; _width: number };
interface Parsed {
  bom: boolean;
  header: string[];
  rows: Row[];
}

let p: TestProject;
let ar: Document;
let en: Document;
const ann: Record<string, Annotation> = {};

async function exportAndParse(
  input: Record<string, unknown>,
  name: string,
): Promise<{ parsed: Parsed; csv: string; fileName: string; rows: number }> {
  const out = await p.call<{ fileName: string; csv: string; rows: number }>('export.csv', input);
  const dir = path.join(p.dir, name);
  await mkdir(dir, { recursive: true });
  const csvPath = path.join(dir, out.fileName);
  await writeFile(csvPath, out.csv, 'utf8');
  const { files } = await p.call<{ files: TextFile[] }>(
    'export.texts',
    input.documentIds ? { documentIds: input.documentIds } : {},
  );
  for (const f of files) await writeFile(path.join(dir, f.fileName), f.text, 'utf8');
  const stdout = execFileSync('python3', [path.join(here, 'readCsv.py'), csvPath, dir], { encoding: 'utf8' });
  return { parsed: JSON.parse(stdout) as Parsed, csv: out.csv, fileName: out.fileName, rows: out.rows };
}

/** Outside quoted fields every line break is CRLF (RFC 4180). */
function recordBreaksAreCrlf(csv: string): boolean {
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '\n' && csv[i - 1] !== '\r') return false;
    else if (!quoted && c === '\r' && csv[i + 1] !== '\n') return false;
  }
  return !quoted && csv.endsWith('\r\n');
}

beforeAll(async () => {
  p = await openProject();
  // choices whose names a spreadsheet would run as formulas
  const cb = await p.call<Codebook>('codebook.get', {});
  await p.call('codebook.save', {
    ...cb,
    fields: cb.fields.map((f) =>
      f.key === 'position'
        ? { ...f, choices: [...f.choices, { id: 'odd', name: '-2+3', nameAr: '', value: null }] }
        : f.key === 'certainty'
          ? { ...f, choices: [...f.choices, { id: 'sum', name: '@SUM(A1)', nameAr: '', value: null }] }
          : f,
    ),
  });
  const a = await p.addText(AR, '=HYPERLINK("http://evil.example","click")');
  await p.call('documents.update', { id: a.id, source: 'Al Wasat', publishedAt: '2019-08-14' });
  const e = await p.addText(EN, 'English piece');
  ar = await p.call<Document>('documents.get', { id: a.id });
  en = await p.call<Document>('documents.get', { id: e.id });
  const t = ar.text;
  ann.haftar = await p.annotate(ar.id, t, 'خليفة حفتر', {
    codes: ['ceasefire-proposal', 'ceasefire-condition'],
    claimant: '=1+1',
    note: '=1+1\nnote',
  });
  ann.flag = await p.annotate(ar.id, t, '🇱🇾 خليفة', { claimant: '＝1', note: '\n=x' });
  ann.truce = await p.annotate(ar.id, t, 'نقترح وقف إطلاق النار 👍🏽', {
    stance: 'odd',
    certainty: 'sum',
    note: '\tleading tab',
  });
  ann.number = await p.annotate(ar.id, t, '-2+3 هو رقم', { codes: [] });
  ann.quoted = await p.annotate(ar.id, t, '"مقتبس"', { claimant: 'Haftar, Khalifa', note: ' padded ' });
  ann.formula = await p.annotate(ar.id, t, '=SUM(A1)', { codes: ['arms-embargo-violation'] });
  ann.en = await p.annotate(en.id, en.text, 'UN envoy', { codes: ['political-process'] });
});
afterAll(async () => {
  await p.close();
});

describe('export.csv read back by Python', () => {
  it('is UTF-8 with a BOM, CRLF records and exactly the documented header', async () => {
    const { parsed, csv, fileName } = await exportAndParse({}, 'all');
    expect(parsed.bom).toBe(true);
    expect(csv.startsWith('\uFEFFdocument_id,document_title,')).toBe(true);
    expect(recordBreaksAreCrlf(csv)).toBe(true);
    expect(parsed.header).toEqual(COLUMNS);
    expect(fileName).toMatch(/^hashiya-Libya-2019-\d{4}-\d{2}-\d{2}\.csv$/);
    for (const row of parsed.rows) expect(row._width).toBe(COLUMNS.length);
  });

  it('gives one row per (annotation, code), and one row with an empty code when there is none', async () => {
    const { parsed, rows } = await exportAndParse({}, 'per-code');
    expect(parsed.rows).toHaveLength(8);
    expect(rows).toBe(8);
    const haftar = parsed.rows.filter((r) => r.annotation_id === ann.haftar!.id);
    expect(haftar.map((r) => r.code)).toEqual(['Ceasefire proposal', 'Ceasefire condition']);
    expect(haftar.map((r) => r.code_path)).toEqual([
      'Ceasefire > Ceasefire proposal',
      'Ceasefire > Ceasefire condition',
    ]);
    // the second code's row repeats every other cell of the first, guarded and quoted alike
    const rest = ({ code: _code, code_path: _path, ...cells }: Record<string, unknown>) => cells;
    expect(rest(haftar[1]!)).toEqual(rest(haftar[0]!));
    expect(haftar[1]!.note).toBe("'=1+1\nnote");
    expect(haftar[1]!.claimant).toBe("'=1+1");
    const none = parsed.rows.filter((r) => r.annotation_id === ann.number!.id);
    expect(none).toHaveLength(1);
    expect(none[0]!.code).toBe('');
    expect(none[0]!.code_path).toBe('');
  });

  it('has text[start:end] == quote in code points for every row, with emoji before and inside spans', async () => {
    const { parsed } = await exportAndParse({}, 'slices');
    for (const row of parsed.rows) {
      expect(row._slice_ok, `row of ${row.annotation_id}: ${row._slice}`).toBe(true);
      expect(row.start).toMatch(/^\d+$/);
      expect(row.end).toMatch(/^\d+$/);
    }
    const flag = parsed.rows.find((r) => r.annotation_id === ann.flag!.id)!;
    expect(flag.quote).toBe('🇱🇾 خليفة');
    expect(Number(flag.start)).toBe([...ar.text.slice(0, ar.text.indexOf('🇱🇾'))].length);
    const truce = parsed.rows.find((r) => r.annotation_id === ann.truce!.id)!;
    expect(truce.quote).toBe('نقترح وقف إطلاق النار 👍🏽');
    const en1 = parsed.rows.find((r) => r.annotation_id === ann.en!.id)!;
    expect(en1._slice).toBe('UN envoy');
    expect(Number(en1.start)).toBe(ann.en!.start);
    expect(Number(en1.start)).not.toBe(en.text.indexOf('UN envoy')); // UTF-16 would be off by one after 🎉
  });

  it('keeps Arabic byte for byte', async () => {
    const { parsed, csv } = await exportAndParse({}, 'arabic');
    const haftar = parsed.rows.find((r) => r.annotation_id === ann.haftar!.id)!;
    expect(haftar.quote).toBe('خليفة حفتر');
    expect(haftar._slice_utf8_hex).toBe(Buffer.from('خليفة حفتر', 'utf8').toString('hex'));
    expect(Buffer.from(csv, 'utf8').includes(Buffer.from(',خليفة حفتر,', 'utf8'))).toBe(true);
    expect(haftar.prefix).toBe(ann.haftar!.prefix);
    expect(haftar.suffix).toBe(ann.haftar!.suffix);
    expect(haftar.document_source).toBe('Al Wasat');
    expect(haftar.document_date).toBe('2019-08-14');
  });

  it('neutralises every formula-injection vector with a leading apostrophe, numbers stay bare', async () => {
    const { parsed, csv } = await exportAndParse({}, 'injection');
    const row = (key: string) => parsed.rows.find((r) => r.annotation_id === ann[key]!.id)!;
    expect(row('haftar').claimant).toBe("'=1+1");
    expect(row('haftar').note).toBe("'=1+1\nnote");
    expect(row('flag').note).toBe("'\n=x");
    expect(row('flag').claimant).toBe("'＝1");
    expect(row('truce').position).toBe("'-2+3");
    expect(row('truce').certainty).toBe("'@SUM(A1)");
    expect(row('truce').note).toBe("'\tleading tab");
    expect(row('number').quote).toBe("'-2+3 هو رقم");
    expect(row('formula').quote).toBe("'=SUM(A1)");
    expect(row('haftar').document_title).toBe(`'=HYPERLINK("http://evil.example","click")`);
    // other awkward text survives unchanged
    expect(row('quoted').claimant).toBe('Haftar, Khalifa');
    expect(row('quoted').quote).toBe('"مقتبس"');
    expect(row('quoted').note).toBe(' padded ');
    // no text cell anywhere starts with a character a spreadsheet would evaluate
    const danger = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠']);
    for (const r of parsed.rows)
      for (const c of COLUMNS) expect(danger.has((r[c] ?? '').charAt(0)), `${c}=${r[c]}`).toBe(false);
    // numbers are written bare, so a spreadsheet reads them as numbers
    const n = ann.number!;
    expect(csv).toContain(`,${n.start},${n.end},2,`);
    expect(row('number').paragraph).toBe('2');
    expect(row('formula').paragraph).toBe('3');
    expect(row('haftar').paragraph).toBe('1');
  });

  it('writes ISO 8601 UTC times and the annotator', async () => {
    const { parsed } = await exportAndParse({}, 'times');
    for (const r of parsed.rows) {
      expect(r.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      expect(r.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      expect(r.annotator).toBe('Salma');
    }
  });

  it("with rowPer 'annotation' joins the codes and code paths with ' | '", async () => {
    const { parsed } = await exportAndParse({ rowPer: 'annotation' }, 'per-annotation');
    expect(parsed.rows).toHaveLength(7);
    const haftar = parsed.rows.find((r) => r.annotation_id === ann.haftar!.id)!;
    expect(haftar.code).toBe('Ceasefire proposal | Ceasefire condition');
    expect(haftar.code_path).toBe('Ceasefire > Ceasefire proposal | Ceasefire > Ceasefire condition');
  });

  it('exports only the chosen documents, and refuses an unknown one', async () => {
    const { parsed } = await exportAndParse({ documentIds: [en.id] }, 'selection');
    expect(parsed.rows.map((r) => r.document_id)).toEqual([en.id]);
    await expect(p.call('export.csv', { documentIds: ['no-such-doc'] })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('exports each canonical text without a BOM, named by document id', async () => {
    const { files } = await p.call<{ files: TextFile[] }>('export.texts', {});
    expect(files.map((f) => f.fileName)).toEqual([`${ar.id}.txt`, `${en.id}.txt`]);
    expect(files[0]!.text).toBe(ar.text);
    expect(files[0]!.text.charCodeAt(0)).not.toBe(0xfeff);
  });
});

describe('export.csv on a project read from disk', () => {
  it('streams documents without keeping them open', async () => {
    const q = await openProject('Big one');
    try {
      const docs: DocumentSummary[] = [];
      for (let i = 0; i < 5; i++) {
        const text = `Paragraph ${i} 😀 truce talk number ${i}.`;
        const d = await q.addText(text, `Doc ${i}`);
        await q.annotate(d.id, text, 'truce talk');
        docs.push(d);
      }
      await q.store.close();
      const reopened = await ProjectStore.open(q.store.dir);
      const { services } = await hostTestProject(reopened);
      const out = (await services.dispatch('export.csv', {})) as { csv: string; rows: number };
      expect(out.rows).toBe(5);
      expect([...reopened.loadedDocuments()]).toHaveLength(0);
      for (const d of docs) expect(out.csv).toContain(d.id);
      await reopened.close();
      expect(await readFile(path.join(q.store.dir, 'project.json'), 'utf8')).toContain('Big one');
    } finally {
      await q.close();
    }
  });
});

describe('export.csv: exact bytes', () => {
  const TEXT = 'قال المبعوث إن الهدنة صامدة.';
  let q: TestProject;
  let doc: DocumentSummary;
  beforeAll(async () => {
    q = await openProject('Bytes');
    doc = await q.addText(TEXT, 'Truce');
    const cb = await q.call<Codebook>('codebook.get', {});
    const text = (key: string) => ({ key, label: key.toUpperCase(), type: 'text' });
    await q.call('codebook.save', { ...cb, fields: [...cb.fields, text('t1'), text('t2'), text('t3')] });
  });
  afterAll(async () => {
    await q.close();
  });
  /** the row's cells from `end` on: end, paragraph, annotator, times, then the claim columns */
  const attributeCells = (csv: string, a: Annotation) => {
    const line = csv.split('\r\n').find((l) => l.includes(a.id)) as string;
    return line.slice(line.indexOf(`,${a.end},`));
  };

  it('guards a sign hidden behind spaces or invisible characters, or a look-alike sign, and keeps every other byte', async () => {
    const a = await q.annotate(doc.id, TEXT, 'المبعوث', {
      note: ' =1+1',
      values: { t1: '\u2066−2\u2069 then', t2: '\u200B=cmd', t3: '﹦1' },
    });
    const { csv } = await q.call<{ csv: string }>('export.csv', { documentIds: [doc.id] });
    // the layer (the coder's name), 24 empty claim cells (three actors, form, position, certainty, claim date, place, justification), then note, t1–t3
    expect(attributeCells(csv, a)).toBe(
      ['', a.end, 1, 'Salma', a.createdAt, a.updatedAt, 'Salma', ...Array<string>(24).fill('')].join(',') +
        `,' =1+1,'\u2066−2\u2069 then,'\u200B=cmd,'﹦1`,
    );
    await q.call('annotations.delete', { id: a.id });
  });

  it("with rowPer 'annotation' joins codes in codebook order, not in tagging order", async () => {
    // tagged last-first: Political process (politics), Arms-embargo violation, Ceasefire condition, Ceasefire proposal
    const a = await q.annotate(doc.id, TEXT, 'الهدنة', {
      codes: ['political-process', 'arms-embargo-violation', 'ceasefire-condition', 'ceasefire-proposal'],
    });
    const { csv } = await q.call<{ csv: string }>('export.csv', { documentIds: [doc.id], rowPer: 'annotation' });
    const line = csv.split('\r\n').find((l) => l.includes(a.id)) as string;
    expect(line).toContain(
      `,${a.id},Ceasefire proposal | Ceasefire condition | Arms-embargo violation | Political process,` +
        'Ceasefire > Ceasefire proposal | Ceasefire > Ceasefire condition | Arms embargo > Arms-embargo violation | Politics > Political process,',
    );
    // a reordered codebook reorders the cell
    const cb = await q.call<{ codes: { id: string }[] }>('codebook.get', {});
    const reordered = {
      ...cb,
      codes: [
        ...cb.codes.filter((c) => c.id === 'politics' || c.id === 'political-process'),
        ...cb.codes.filter((c) => c.id !== 'politics' && c.id !== 'political-process'),
      ],
    };
    await q.call('codebook.save', reordered);
    const again = await q.call<{ csv: string }>('export.csv', { documentIds: [doc.id], rowPer: 'annotation' });
    expect(again.csv).toContain(
      `,${a.id},Political process | Ceasefire proposal | Ceasefire condition | Arms-embargo violation,`,
    );
  });
});
