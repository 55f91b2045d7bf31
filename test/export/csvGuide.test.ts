import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/main/exchange/csvRows';
import { CSV_COLUMN_DOCS, guideText } from '../../src/renderer/src/features/export/csvGuide';

describe('the CSV guide shown in the export dialog', () => {
  it('describes exactly the columns the export writes, in their order, in both languages', () => {
    expect(CSV_COLUMN_DOCS.map((c) => c.name)).toEqual([...CSV_COLUMNS]);
    for (const c of CSV_COLUMN_DOCS) {
      expect(c.en.trim(), c.name).not.toBe('');
      expect(c.ar, c.name).toMatch(/[\u0600-\u06FF]/);
    }
  });

  it('names every column docs/export.md names, so the two do not drift apart', () => {
    const doc = readFileSync(path.resolve(__dirname, '../../docs/export.md'), 'utf8');
    const documented = new Set(
      [...doc.matchAll(/^\| `([a-z_]+)`(?:, `([a-z_]+)`)*/gm)].flatMap((m) => m[0].match(/[a-z_]+/g) ?? []),
    );
    for (const c of CSV_COLUMN_DOCS) expect(documented.has(c.name), c.name).toBe(true);
  });

  it('has the same sections in English and Arabic', () => {
    expect(Object.keys(guideText('ar'))).toEqual(Object.keys(guideText('en')));
  });
});
