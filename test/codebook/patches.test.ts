/**
 * A patch carries only what the client sent: updating one field of the settings, of a document's
 * details, of an annotation or of the search options leaves every other field as it was.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeProject, openProject, removeDir, tempDir, type Project } from './helpers';

const TEXT = 'اقترح الرئيس ماكرون وقفَ إطلاق النار في طرابلس.';

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

describe('patches', () => {
  it('settings.update of one field keeps the coder name, text size and the other settings', async () => {
    await p.call('settings.update', { annotator: 'Salma', textSize: 28, snapToWords: false });
    const afterLanguage = await p.call('settings.update', { uiLanguage: 'ar', coderId: null, blind: false });
    expect(afterLanguage).toEqual({
      annotator: 'Salma',
      textSize: 28,
      snapToWords: false,
      uiLanguage: 'ar',
      coderId: null,
      blind: false,
    });
    const afterSize = await p.call('settings.update', { textSize: 30 });
    expect(afterSize).toEqual({
      annotator: 'Salma',
      textSize: 30,
      snapToWords: false,
      uiLanguage: 'ar',
      coderId: null,
      blind: false,
    });
    expect((await p.call('project.info', {})).settings).toEqual(afterSize);
  });

  it('documents.update of the title keeps the source, URL and date', async () => {
    const id = await p.addDocument(TEXT, 'First title');
    await p.call('documents.update', {
      id,
      source: 'Al-Wasat',
      url: 'https://example.org/a',
      publishedAt: '2019-05-12',
    });
    const renamed = await p.call('documents.update', { id, title: 'Second title' });
    expect(renamed).toMatchObject({
      title: 'Second title',
      source: 'Al-Wasat',
      url: 'https://example.org/a',
      publishedAt: '2019-05-12',
    });
    expect((await p.call('documents.get', { id })).source).toBe('Al-Wasat');
  });

  it('annotations.update of the values keeps the codes, and of the codes keeps the values', async () => {
    const id = await p.addDocument(TEXT);
    const created = await p.call('annotations.create', {
      documentId: id,
      ...p.span(TEXT, 'ماكرون'),
      codes: ['ceasefire-proposal'],
      values: { claimant: await p.actor('ماكرون'), position: 'supports', certainty: 'asserted', note: 'first' },
    });
    const values = { ...created.values, note: 'second' };
    const updated = await p.call('annotations.update', { id: created.id, values });
    expect(updated).toMatchObject({ codes: ['ceasefire-proposal'], values });
    const recoded = await p.call('annotations.update', { id: created.id, codes: ['ceasefire-proposal', 'politics'] });
    expect(recoded.values).toEqual(values);
  });

  it('search options: switching one rule on leaves the other rules on', async () => {
    const id = await p.addDocument(TEXT);
    // the text has "وقفَ" with a fatha; ignoring diacritics stays on when only wholeWord is sent
    const result = await p.call('search', { query: 'وقف', documentId: id, options: { wholeWord: true } });
    expect(result.hits.map((h) => h.match)).toEqual(['وقفَ']);
  });
});
