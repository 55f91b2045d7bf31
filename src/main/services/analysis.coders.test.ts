/**
 * The claims view's coder filter through the service (issue 17): by coder id, each claim named by
 * its coder's current name, a filter saved by name still working, and the events export
 * following the same filter.
 */
import { describe, expect, it } from 'vitest';
import type { ClaimFilter } from '@shared/analysis/filter';
import { eachTestProject, SAMPLE_TEXT as SAMPLE } from '../../../test/harness/eachProject';
import type { TestProject } from '../../../test/harness/project';

let p!: TestProject;
eachTestProject('hashiya-analysis-coders-', (opened) => (p = opened));

/** Amal codes two claims, is renamed “Amal Haddad”; Basim (another coder id) codes one. */
async function setUp() {
  const { document } = await p.call('documents.importText', { text: SAMPLE, title: 'April' });
  const claim = (start: number) =>
    p.call('annotations.create', { documentId: document.id, start, end: start + 5, codes: ['ceasefire-proposal'] });
  const amal = (await p.call('settings.update', { annotator: 'Amal' })).coderId as string;
  await claim(0);
  await claim(20);
  await p.call('coders.rename', { id: amal, name: 'Amal Haddad' });
  await p.call('settings.update', { annotator: 'Basim', coderId: 'c_basim' });
  await claim(40);
  return { amal };
}

const rowsOf = async (filter: ClaimFilter) =>
  (await p.call('analysis.claims', { filter, offset: 0, limit: 100 })).rows.map((r) => [r.start, r.coder]);

describe('the coder filter of the claims view', () => {
  it('chooses a coder by id and shows their current name; a name saved before still finds them', async () => {
    const { amal } = await setUp();
    expect(await rowsOf({ coders: [amal] })).toEqual([
      [0, 'Amal Haddad'],
      [20, 'Amal Haddad'],
    ]);
    expect(await rowsOf({ coders: ['c_basim'] })).toEqual([[40, 'Basim']]);
    // the name the annotations were made under, and the coder's name now
    expect(await rowsOf({ coders: ['Amal'] })).toEqual([
      [0, 'Amal Haddad'],
      [20, 'Amal Haddad'],
    ]);
    expect(await rowsOf({ coders: ['Amal Haddad'] })).toHaveLength(2);
  });
  it('the events export follows the coder filter', async () => {
    await setUp();
    const out = await p.call('analysis.export', { format: 'eventsCsv', filter: { coders: ['c_basim'] } });
    expect(out.claims).toBe(1);
    const lines = out.text.trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Basim');
  });
});
