/**
 * codebook.import never saves what the project could not read back, and never loses a code
 * without saying so: a file that would take the codebook past its limits is refused (413) with
 * nothing changed; .qdc character references are decoded, while DTDs (entity expansion, external
 * entities) are refused.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_CODES, MAX_VALUES, type Code } from '../../src/shared/model';
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

const jsonOf = (codebook: { codes: Partial<Code>[]; stances?: string[]; certainties?: string[] }) =>
  JSON.stringify({ format: 'hashiya-codebook', version: 1, codebook: { stances: [], certainties: [], ...codebook } });

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

  it('refuses a JSON codebook that would go past 2,000 codes, or past 100 stances or certainties', async () => {
    const before = await p.call('codebook.get', {});
    const codes = Array.from({ length: MAX_CODES - 5 }, (_, i) => ({ id: `x${i}`, name: `Actor ${i}`, color: '#123456' }));
    await expect(p.call('codebook.import', { fileName: 'c.json', content: jsonOf({ codes }) })).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/codes; a codebook holds at most 2,000/),
    });
    const one = [{ id: 'x', name: 'Actor', color: '#123456' }];
    const stances = Array.from({ length: MAX_VALUES }, (_, i) => `stance ${i}`);
    await expect(p.call('codebook.import', { fileName: 'c.json', content: jsonOf({ codes: one, stances }) })).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/stances; a codebook holds at most 100/),
    });
    await expect(
      p.call('codebook.import', { fileName: 'c.json', content: jsonOf({ codes: one, certainties: stances }) }),
    ).rejects.toMatchObject({ code: 'too_large', message: expect.stringMatching(/certainties/) });
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
    expect(haftar).toMatchObject({ description: 'First line\nsecond line حفتر 😀', nameAr: 'حفتر', key: '8', color: '#AABBCC' });
    const child = r.codebook.codes.find((c) => c.parentId === haftar?.id);
    expect(child?.description).toBe('kept as written: &#65; &amp;');
  });

  it('refuses a reference to something that is not a character', async () => {
    for (const ref of ['&#0;', '&#xD800;', '&#x110000;', '&#99999999999999999999;']) {
      await expect(p.call('codebook.import', { fileName: 'bad.qdc', content: qdcOf([`Bad ${ref}`]) })).rejects.toMatchObject({
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
