import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseFolderInput } from './projectFolder';

describe('normaliseFolderInput', () => {
  const home = path.resolve('/home/layla');
  it('expands ~ to the home folder and normalises', () => {
    expect(normaliseFolderInput('~', home)).toBe(home);
    expect(normaliseFolderInput('~/Research/../Corpus/', home)).toBe(path.join(home, 'Corpus'));
    expect(normaliseFolderInput('  /data/project  ', home)).toBe(path.resolve('/data/project'));
  });
  it('refuses what is not a full path, with a sentence saying what to type', () => {
    expect(() => normaliseFolderInput('Research/corpus', home)).toThrow(
      /“Research\/corpus” is not a full path\. Type the whole path/,
    );
    expect(() => normaliseFolderInput('~other/x', home)).toThrow(/not a full path/);
    expect(() => normaliseFolderInput('', home)).toThrow(/Type the path of a folder/);
    expect(() => normaliseFolderInput('/a\u0000b', home)).toThrow(/invalid character/);
  });
});
