/**
 * codebook.import never saves what the project could not read back, and never loses a code
 * without saying so: a file that would take the codebook past its limits is refused (413) with
 * nothing changed; .qdc character references are decoded, while DTDs (entity expansion, external
 * entities) are refused; a file whose codes loop under each other or share ids is repaired and
 * every repair reported.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_CODES, type Code } from '@shared/model';
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

const qdcOf = (names: string[]) =>
  '<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>' +
  names.map((n) => `<Code guid="" name="${n}" isCodable="true"/>`).join('') +
  '</Codes></CodeBook>';

const jsonOf = (codebook: { codes: Partial<Code>[]; fields?: unknown[] }) =>
  JSON.stringify({ format: 'hashiya-codebook', version: 2, codebook: { fields: [], ...codebook } });

const projectJson = () => readFile(path.join(dir, 'project.json'), 'utf8');

describe('codebook.import and the codebook’s limits', () => {
  it('refuses a .qdc that would take the codebook past 2,000 codes (413) and changes nothing, dry run or not', async () => {
    const before = await p.call('codebook.get', {});
    const onDisk = await projectJson();
    const content = qdcOf(Array.from({ length: MAX_CODES - before.codes.length + 1 }, (_, i) => `Actor ${i}`));
    for (const dryRun of [true, false]) {
      await expect(p.call('codebook.import', { fileName: 'actors.qdc', content, dryRun })).rejects.toMatchObject({
        code: 'too_large',
        status: 413,
        message: expect.stringMatching(/at most 2,000.*Nothing was imported/),
      });
    }
    expect(await p.call('codebook.get', {})).toEqual(before);
    expect(await projectJson()).toBe(onDisk);
  });

  it('takes a file that brings the codebook to exactly 2,000 codes, and the project re-opens with them', async () => {
    const before = await p.call('codebook.get', {});
    const content = qdcOf(Array.from({ length: MAX_CODES - before.codes.length }, (_, i) => `Actor ${i}`));
    const r = await p.call('codebook.import', { fileName: 'actors.qdc', content });
    expect(r.codebook.codes).toHaveLength(MAX_CODES);
    await closeProject(p);
    p = await openProject(dir);
    expect((await p.call('project.info', {})).notices).toEqual([]);
    expect((await p.call('codebook.get', {})).codes).toHaveLength(MAX_CODES);
  });

  it('refuses a JSON codebook that would go past 2,000 codes, or past 50 claim fields', async () => {
    const before = await p.call('codebook.get', {});
    const codes = Array.from({ length: MAX_CODES - 5 }, (_, i) => ({
      id: `x${i}`,
      name: `Actor ${i}`,
      color: '#123456',
    }));
    await expect(p.call('codebook.import', { fileName: 'c.json', content: jsonOf({ codes }) })).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/codes; a codebook holds at most 2,000/),
    });
    const one = [{ id: 'x', name: 'Actor', color: '#123456' }];
    // 45 fields of its own, beside the project's 10: more than a codebook holds
    const fields = Array.from({ length: 45 }, (_, i) => ({ key: `f${i}`, label: `Field ${i}`, type: 'text' }));
    await expect(
      p.call('codebook.import', { fileName: 'c.json', content: jsonOf({ codes: one, fields }) }),
    ).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/fields; a codebook holds at most 50/),
    });
    expect(await p.call('codebook.get', {})).toEqual(before);
  });

  it('refuses a .qdc with more than 2,000 codes of its own before merging them', async () => {
    const content = qdcOf(Array.from({ length: MAX_CODES + 1 }, () => 'Same name'));
    await expect(p.call('codebook.import', { fileName: 'many.qdc', content })).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/The file holds 2,001 codes/),
    });
  });
});

describe('.qdc character references and hostile XML', () => {
  it('decodes decimal and hexadecimal character references in names and descriptions', async () => {
    const content = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
  <Code guid="" name="&#1581;&#1601;&#1578;&#1585;" isCodable="true" color="#AABBCC">
    <Description>First line&#10;second line &#x62D;&#x641;&#x62A;&#x631; &#128512;&#10;&#10;Arabic name: &#1581;&#1601;&#1578;&#1585;&#10;Shortcut key: 8</Description>
    <Code guid="" name="R&amp;D &lt;&#x41;&gt; &amp;#65; &#38;lt;" isCodable="true"><Description><![CDATA[kept as written: &#65; &amp;]]></Description></Code>
  </Code>
</Codes></CodeBook>`;
    const r = await p.call('codebook.import', { fileName: 'refs.qdc', content });
    expect(r.added).toEqual(['حفتر', 'R&D <A> &#65; &lt;']);
    const haftar = r.codebook.codes.find((c) => c.name === 'حفتر');
    expect(haftar).toMatchObject({
      description: 'First line\nsecond line حفتر 😀',
      nameAr: 'حفتر',
      key: '8',
      color: '#AABBCC',
    });
    const child = r.codebook.codes.find((c) => c.parentId === haftar?.id);
    expect(child?.description).toBe('kept as written: &#65; &amp;');
  });

  it('refuses a reference to something that is not a character', async () => {
    for (const ref of ['&#0;', '&#xD800;', '&#x110000;', '&#99999999999999999999;']) {
      await expect(
        p.call('codebook.import', { fileName: 'bad.qdc', content: qdcOf([`Bad ${ref}`]) }),
      ).rejects.toMatchObject({
        code: 'unprocessable',
        message: expect.stringMatching(/names no character/),
      });
    }
  });

  it('refuses a DOCTYPE: no entity expansion (billion laughs), no external entities, nothing changed', async () => {
    const before = await p.call('codebook.get', {});
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
      Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('') +
      ']><CodeBook><Codes><Code guid="" name="&lol9;"/><Code guid="" name="&lol;"/></Codes></CodeBook>';
    const external =
      '<?xml version="1.0"?><!DOCTYPE c [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><CodeBook><Codes><Code guid="" name="&xxe;"/></Codes></CodeBook>';
    const plain = '<!doctype CodeBook><CodeBook><Codes><Code guid="" name="x"/></Codes></CodeBook>';
    for (const content of [laughs, external, plain]) {
      await expect(p.call('codebook.import', { fileName: 'evil.qdc', content })).rejects.toMatchObject({
        code: 'unprocessable',
        message: expect.stringMatching(/DOCTYPE/),
      });
    }
    expect(await p.call('codebook.get', {})).toEqual(before);
  });

  it('leaves an entity name XML does not define as it is written', async () => {
    const r = await p.call('codebook.import', { fileName: 'x.qdc', content: qdcOf(['Tom &nbsp; Jerry &lol;']) });
    expect(r.added).toEqual(['Tom &nbsp; Jerry &lol;']);
  });
});

describe('a JSON codebook with loops or shared ids', () => {
  const code = (id: string, name: string, parentId: string | null = null) => ({ id, name, color: '#123456', parentId });

  it('imports every code, cutting loops and giving a reused id a new one, and reports each repair', async () => {
    await p.call('codebook.save', { codes: [], fields: [] });
    const codes = [
      code('a', 'Alpha', 'b'),
      code('b', 'Beta', 'a'),
      code('self', 'Self', 'self'),
      code('d', 'Delta'),
      code('d', 'delta '),
      code('d', 'Echo'),
      code('child', 'Child of d', 'd'),
      code('f', 'Foxtrot', 'nowhere'),
      code('g', 'Golf', 'c1'),
      code('c1', 'Loop one', 'c2'),
      code('c2', 'Loop two', 'c3'),
      code('c3', 'Loop three', 'c1'),
    ];
    const content = jsonOf({ codes });
    const preview = await p.call('codebook.import', { fileName: 'c.json', content, dryRun: true });
    expect(preview.added.sort()).toEqual(
      [
        'Alpha',
        'Beta',
        'Self',
        'Delta',
        'Echo',
        'Child of d',
        'Foxtrot',
        'Golf',
        'Loop one',
        'Loop two',
        'Loop three',
      ].sort(),
    );
    expect(preview.conflicts.map((c) => [c.code, c.field])).toEqual([
      ['delta', 'id'],
      ['Echo', 'id'],
      ['Foxtrot', 'parent'],
      ['Alpha', 'parent'],
      ['Self', 'parent'],
      ['Loop one', 'parent'],
    ]);
    const messages = preview.conflicts.map((c) => c.message);
    expect(messages[0]).toMatch(/listed twice in the file.*read once/);
    expect(messages[1]).toMatch(/same id in the file \(“d”\) as “Delta”; it was imported as a separate code/);
    expect(messages[2]).toMatch(/does not contain.*top level/);
    expect(messages[3]).toBe(
      '“Alpha”: the file’s parents loop back to it (“Alpha” under “Beta” under “Alpha”); it was placed at the top level.',
    );
    expect(messages[4]).toMatch(/“Self”: the file places it under itself; it was placed at the top level/);
    expect(messages[5]).toMatch(/“Loop one” under “Loop two” under “Loop three” under “Loop one”/);

    const r = await p.call('codebook.import', { fileName: 'c.json', content });
    expect(r.added).toHaveLength(11);
    const cb = r.codebook;
    const byName = (n: string) => cb.codes.find((c) => c.name === n);
    expect(byName('Alpha')?.parentId).toBeNull();
    expect(byName('Beta')?.parentId).toBe(byName('Alpha')?.id);
    expect(byName('Self')?.parentId).toBeNull();
    expect(byName('Echo')?.id).not.toBe('d');
    expect(byName('Child of d')?.parentId).toBe(byName('Delta')?.id);
    expect(byName('Foxtrot')?.parentId).toBeNull();
    expect(byName('Loop one')?.parentId).toBeNull();
    expect(byName('Loop two')?.parentId).toBe(byName('Loop three')?.id);
    expect(byName('Loop three')?.parentId).toBe(byName('Loop one')?.id);
    expect(byName('Golf')?.parentId).toBe(byName('Loop one')?.id);
    // and it is a codebook the project re-opens with
    await closeProject(p);
    p = await openProject(dir);
    expect((await p.call('project.info', {})).notices).toEqual([]);
    expect((await p.call('codebook.get', {})).codes).toHaveLength(11);
  });

  it('keeps the place of a code it already has when the file’s place for it loops', async () => {
    const before = await p.call('codebook.get', {});
    const proposal = before.codes.find((c) => c.id === 'ceasefire-proposal');
    const codes = [
      { ...code('ceasefire-proposal', 'Ceasefire proposal', 'x'), color: proposal?.color },
      code('x', 'New parent', 'ceasefire-proposal'),
    ];
    const r = await p.call('codebook.import', { fileName: 'c.json', content: jsonOf({ codes }), prefer: 'incoming' });
    expect(r.merged).toEqual(['Ceasefire proposal']);
    expect(r.added).toEqual(['New parent']);
    expect(r.conflicts.map((c) => [c.code, c.field])).toEqual([['Ceasefire proposal', 'parent']]);
    expect(r.codebook.codes.find((c) => c.id === 'ceasefire-proposal')?.parentId).toBe(proposal?.parentId);
    expect(r.codebook.codes.find((c) => c.name === 'New parent')?.parentId).toBe('ceasefire-proposal');
  });
});

describe('codebook.import of deeply nested codes', () => {
  it('refuses a .qdc nesting codes 20,000 deep with a sentence, not a stack overflow', async () => {
    const depth = 20_000;
    const content =
      '<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>' +
      '<Code name="c">'.repeat(depth) +
      '</Code>'.repeat(depth) +
      '</Codes></CodeBook>';
    const before = await p.call('codebook.get', {});
    const err = await p.call('codebook.import', { fileName: 'deep.qdc', content }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'unprocessable' });
    expect((err as Error).message).toMatch(/nests its elements too deeply/);
    expect(await p.call('codebook.get', {})).toEqual(before);
  });
});
