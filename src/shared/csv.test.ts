import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument, csvNumber, csvRow, csvText, unguardCsvText } from './csv';

describe('csvText: RFC 4180 quoting', () => {
  it('leaves plain text (Arabic included) bare', () => {
    expect(csvText('وقف إطلاق النار')).toBe('وقف إطلاق النار');
    expect(csvText('')).toBe('');
  });
  it('quotes commas, quotes, CR, LF and edge spaces, doubling quotes', () => {
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('say "no"')).toBe('"say ""no"""');
    expect(csvText('two\nlines')).toBe('"two\nlines"');
    expect(csvText('cr\rhere')).toBe('"cr\rhere"');
    expect(csvText(' padded')).toBe('" padded"');
    expect(csvText('padded ')).toBe('"padded "');
  });
});

describe('csvText: formula injection', () => {
  const vectors = ['=1+1', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx', '\nx', '＝1', '＋1', '－1', '＠x'];
  it.each(vectors)('guards %j with a leading apostrophe', (v) => {
    const cell = csvText(v);
    const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
    expect(unquoted).toBe(`'${v}`);
    expect(unguardCsvText(unquoted)).toBe(v);
  });
  it('guards a cell with a newline inside and a formula at its start', () => {
    expect(csvText('=1+1\nnote')).toBe(`"'=1+1\nnote"`);
  });
  it('guards a leading apostrophe too, so stripping one is always exact', () => {
    expect(csvText("'quoted")).toBe("''quoted");
    expect(unguardCsvText("''quoted")).toBe("'quoted");
  });
  it('does not guard characters that only look similar or come later', () => {
    expect(csvText('a=1')).toBe('a=1');
    expect(csvText('–dash')).toBe('–dash'); // en dash, not a minus
  });
});

describe('numbers and rows', () => {
  it('writes numbers bare, even negative ones', () => {
    expect(csvNumber(42)).toBe('42');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('-3')).toBe("'-3");
    expect(csvNumber(Number.NaN)).toBe('');
  });
  it('ends each row with CRLF and a document starts with the BOM', () => {
    expect(csvRow(['a', 1, 'b,c'])).toBe('a,1,"b,c"\r\n');
    expect(csvDocument(['x', 'y'], [['1', 2]])).toBe('\uFEFFx,y\r\n1,2\r\n');
  });
});
