/**
 * Sharing a codebook: REFI-QDA .qdc (checked against the standard's structure with an XML
 * parser) and Hashiya's own JSON, imported into fresh projects, merged by name, conflicts
 * reported, and no code that annotations use ever dropped.
 */
import { XMLParser } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guidForId, idForGuid, uuidV5 } from '../../src/main/codebook/guid';
import { describeForQdc, readQdcDescription } from '../../src/main/codebook/qdc';
import { defaultCodebook } from '@shared/defaultCodebook';
import type { Codebook } from '@shared/model';
import { closeProject, openProject, removeDir, tempDir, type Project } from './helpers';

const dirs: string[] = [];
const projects: Project[] = [];
async function freshProject(): Promise<Project> {
  const dir = await tempDir();
  dirs.push(dir);
  const p = await openProject(dir);
  projects.push(p);
  return p;
}
/** A fresh project whose codebook has been emptied (so an import has to bring every code). */
async function emptyProject(): Promise<Project> {
  const p = await freshProject();
  await p.call('codebook.save', { codes: [], fields: [] });
  return p;
}

beforeEach(() => {
  dirs.length = 0;
  projects.length = 0;
});
afterEach(async () => {
  for (const p of projects) await closeProject(p);
  for (const d of dirs) await removeDir(d);
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type XmlCode = {
  '@_guid': string;
  '@_name': string;
  '@_isCodable': string;
  '@_color': string;
  Description: string;
  Code?: XmlCode[];
};

function parseQdc(xml: string) {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    isArray: (n) => n === 'Code',
    parseTagValue: false,
    trimValues: false,
  });
  return parser.parse(xml) as { CodeBook: { '@_xmlns': string; '@_origin': string; Codes: { Code: XmlCode[] } } };
}

describe('REFI-QDA codebook (.qdc)', () => {
  it('exports the standard structure: CodeBook → Codes → nested Code with guid, name, isCodable, color, Description', async () => {
    const p = await freshProject();
    const { fileName, content } = await p.call('codebook.export', { format: 'qdc' });
    expect(fileName).toMatch(/\.qdc$/);
    expect(content.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const book = parseQdc(content).CodeBook;
    expect(book['@_xmlns']).toBe('urn:QDA-XML:codebook:1.0');
    expect(book['@_origin']).toBe('Hashiya');
    const top = book.Codes.Code;
    expect(top.map((c) => c['@_name'])).toEqual(['Ceasefire', 'Arms embargo', 'Humanitarian', 'Politics']);
    const all: XmlCode[] = [];
    const walk = (list: XmlCode[] | undefined) => list?.forEach((c) => (all.push(c), walk(c.Code)));
    walk(top);
    expect(all).toHaveLength(defaultCodebook().codes.length);
    for (const c of all) {
      expect(c['@_guid']).toMatch(UUID);
      expect(c['@_isCodable']).toBe('true');
      expect(c['@_color']).toMatch(/^#[0-9A-F]{6}$/);
      expect(typeof c.Description).toBe('string');
      expect(c.Description.length).toBeGreaterThan(20);
    }
    const arms = top[1] as XmlCode;
    expect(arms.Code?.map((c) => c['@_name'])).toEqual([
      'Arms-embargo violation',
      'Foreign military support',
      'Call to enforce the embargo',
    ]);
    expect(new Set(all.map((c) => c['@_guid'])).size).toBe(all.length);
    // the Arabic name travels in the Description
    expect(arms.Code?.[0]?.Description).toContain('Arabic name: خرق حظر السلاح');
  });

  it('round trip: the default codebook exported and imported into a fresh project comes back the same', async () => {
    const source = await freshProject();
    const { fileName, content } = await source.call('codebook.export', { format: 'qdc' });
    const target = await emptyProject();
    const result = await target.call('codebook.import', { fileName, content });
    expect(result.applied).toBe(true);
    expect(result.conflicts).toEqual([]);
    expect(result.added).toHaveLength(defaultCodebook().codes.length);
    const got = await target.call('codebook.get', {});
    const strip = (cb: Codebook) => cb.codes.map((c) => ({ ...c, color: c.color.toUpperCase() }));
    expect(strip(got)).toEqual(strip(defaultCodebook()));

    // and into a fresh project that still has the default codebook: everything merges, nothing changes
    const plain = await freshProject();
    const again = await plain.call('codebook.import', { fileName, content });
    expect(again.added).toEqual([]);
    expect(again.merged).toHaveLength(defaultCodebook().codes.length);
    expect(again.conflicts).toEqual([]);
    expect((await plain.call('codebook.get', {})).codes).toEqual(defaultCodebook().codes);
  });

  it('reads a .qdc written by another program: codes merge by name, new ones are added under their parent, conflicts are reported', async () => {
    const p = await freshProject();
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="QualCoder 3.5">
  <Codes>
    <Code guid="a1b2c3d4-0000-4000-8000-000000000001" name="ceasefire" isCodable="true" color="#112233">
      <Description>Talk of truce &amp; peace.</Description>
      <Code guid="a1b2c3d4-0000-4000-8000-000000000002" name="Truce monitoring" isCodable="true" color="#445566">
        <Description>Who watches the line.</Description>
      </Code>
    </Code>
    <Code guid="a1b2c3d4-0000-4000-8000-000000000003" name="Oil" isCodable="true"/>
  </Codes>
</CodeBook>`;
    const preview = await p.call('codebook.import', { fileName: 'theirs.qdc', content: xml, dryRun: true });
    expect(preview.applied).toBe(false);
    expect((await p.call('codebook.get', {})).codes).toHaveLength(11);
    const r = await p.call('codebook.import', { fileName: 'theirs.qdc', content: xml });
    expect(r.merged).toEqual(['Ceasefire']);
    expect(r.added).toEqual(['Truce monitoring', 'Oil']);
    expect(r.conflicts.map((c) => [c.code, c.field, c.resolution])).toEqual([
      ['Ceasefire', 'description', 'kept'],
      ['Ceasefire', 'color', 'kept'],
    ]);
    const cb = await p.call('codebook.get', {});
    const truce = cb.codes.find((c) => c.name === 'Truce monitoring');
    expect(truce?.parentId).toBe('ceasefire');
    expect(truce?.id).toBe('a1b2c3d4-0000-4000-8000-000000000002');
    expect(cb.codes.find((c) => c.name === 'Oil')?.color).toMatch(/^#[0-9A-F]{6}$/);
    expect(cb.codes.find((c) => c.id === 'ceasefire')?.color).toBe(defaultCodebook().codes[0]?.color);
  });

  it('rejects what is not a codebook, saying why', async () => {
    const p = await freshProject();
    await expect(p.call('codebook.import', { fileName: 'x.qdc', content: '<CodeBook><Codes>' })).rejects.toThrow(
      /not well-formed XML|no codes/,
    );
    await expect(p.call('codebook.import', { fileName: 'x.qdc', content: '<Project/>' })).rejects.toThrow(
      /no <CodeBook> element/,
    );
    await expect(p.call('codebook.import', { fileName: 'x.txt', content: 'hello' })).rejects.toThrow(/neither/);
  });

  it('keeps Arabic names, examples and keys in the Description and reads them back', () => {
    const code = {
      description: 'A definition.\n\nSecond paragraph.',
      example: 'مؤكدين أن لا حل عسكريا للأزمة',
      nameAr: 'العملية السياسية',
      key: '7',
    };
    const text = describeForQdc(code);
    expect(text).toBe(
      'A definition.\n\nSecond paragraph.\n\nExample: مؤكدين أن لا حل عسكريا للأزمة\nArabic name: العملية السياسية\nShortcut key: 7',
    );
    expect(readQdcDescription(text)).toEqual(code);
    expect(readQdcDescription('Example: of nothing in particular, from another tool')).toEqual({
      description: '',
      example: 'of nothing in particular, from another tool',
      nameAr: '',
      key: null,
    });
    expect(readQdcDescription('Plain text.\nExample: inline')).toMatchObject({
      description: 'Plain text.\nExample: inline',
      example: '',
    });
  });

  it('maps ids to stable UUIDs and back', () => {
    expect(guidForId('ceasefire')).toBe(guidForId('ceasefire'));
    expect(guidForId('ceasefire')).toMatch(UUID);
    expect(guidForId('ceasefire')).not.toBe(guidForId('politics'));
    const random = '0b9e1c0e-6f43-4a55-9a0a-3c1f2f7d2d11';
    expect(guidForId(random)).toBe(random);
    expect(idForGuid(uuidV5('politics'), ['ceasefire', 'politics'])).toBe('politics');
    // RFC 4122 test vector for UUID v5 (DNS namespace, "python.org")
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });
});

describe('Hashiya JSON codebook', () => {
  it('round-trips everything, including the claim fields and their choices, and is versioned', async () => {
    const source = await freshProject();
    const cb = await source.call('codebook.get', {});
    await source.call('codebook.save', {
      ...cb,
      fields: [
        ...cb.fields.map((f) =>
          f.key === 'position'
            ? { ...f, choices: f.choices.map((c) => (c.id === 'denies' ? { ...c, name: 'refutes' } : c)) }
            : f,
        ),
        {
          key: 'fatalities',
          label: 'Fatalities',
          labelAr: 'الضحايا',
          type: 'number',
          codes: ['casualties-displacement'],
        },
      ],
    });
    const { fileName, content } = await source.call('codebook.export', { format: 'json' });
    expect(fileName).toMatch(/\.json$/);
    const file = JSON.parse(content);
    expect(file).toMatchObject({ format: 'hashiya-codebook', version: 2 });
    const target = await emptyProject();
    await target.call('codebook.import', { fileName, content });
    const got = await target.call('codebook.get', {});
    expect(got).toEqual(await source.call('codebook.get', {}));
    await expect(
      target.call('codebook.import', { fileName, content: JSON.stringify({ ...file, version: 3 }) }),
    ).rejects.toThrow(/newer Hashiya/);
  });

  it('brings the file’s choice items a field of ours lacks, and changes none of ours', async () => {
    const source = await freshProject();
    const cb = await source.call('codebook.get', {});
    await source.call('codebook.save', {
      ...cb,
      fields: cb.fields.map((f) =>
        f.key === 'position'
          ? {
              ...f,
              choices: [
                ...f.choices.map((c) => (c.id === 'proposes' ? { ...c, name: 'puts forward' } : c)),
                { id: 'wavers', name: 'wavers', nameAr: 'يتردد', value: 0 },
              ],
            }
          : f,
      ),
    });
    const { fileName, content } = await source.call('codebook.export', { format: 'json' });
    const target = await freshProject();
    const before = (await target.call('codebook.get', {})).fields.find((f) => f.key === 'position');
    await target.call('codebook.import', { fileName, content });
    const after = (await target.call('codebook.get', {})).fields.find((f) => f.key === 'position');
    expect(after?.choices).toEqual([
      ...(before?.choices ?? []),
      { id: 'wavers', name: 'wavers', nameAr: 'يتردد', value: 0 },
    ]);
  });

  it('never drops a code that annotations use, and takes the file’s values only when asked', async () => {
    const p = await freshProject();
    const doc = await p.addDocument('اقترح الرئيس ماكرون وقف إطلاق النار.');
    await p.call('annotations.create', { documentId: doc, start: 0, end: 5, codes: ['political-process'] });
    const incoming = {
      ...defaultCodebook(),
      codes: defaultCodebook().codes.filter((c) => c.id !== 'political-process'),
    };
    incoming.codes = incoming.codes.map((c) => (c.id === 'politics' ? { ...c, description: 'Their definition.' } : c));
    const content = JSON.stringify({ format: 'hashiya-codebook', version: 1, codebook: incoming });
    const kept = await p.call('codebook.import', { fileName: 'c.json', content });
    expect(kept.codebook.codes.some((c) => c.id === 'political-process')).toBe(true);
    expect(kept.conflicts).toHaveLength(1);
    expect(kept.codebook.codes.find((c) => c.id === 'politics')?.description).not.toBe('Their definition.');
    const taken = await p.call('codebook.import', { fileName: 'c.json', content, prefer: 'incoming' });
    expect(taken.codebook.codes.find((c) => c.id === 'politics')?.description).toBe('Their definition.');
    expect(taken.codebook.codes.some((c) => c.id === 'political-process')).toBe(true);
  });
});

describe('a code renamed on one side', () => {
  it('is matched by its GUID and the two names are reported', async () => {
    const source = await freshProject();
    const { content } = await source.call('codebook.export', { format: 'qdc' });
    const renamed = content.replace('name="Politics"', 'name="Diplomacy"');
    const p = await freshProject();
    const kept = await p.call('codebook.import', { fileName: 'x.qdc', content: renamed });
    expect(kept.added).toEqual([]);
    expect(kept.conflicts.map((c) => [c.field, c.current, c.incoming, c.resolution])).toEqual([
      ['name', 'Politics', 'Diplomacy', 'kept'],
    ]);
    const taken = await p.call('codebook.import', { fileName: 'x.qdc', content: renamed, prefer: 'incoming' });
    expect(taken.codebook.codes.find((c) => c.id === 'politics')?.name).toBe('Diplomacy');
    expect(taken.codebook.codes).toHaveLength(11);
  });
});
