import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument, csvNumber, csvRow, csvText, CsvBuilder, unguardCsvText } from './csv';

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
  // a sign hidden behind white space or invisible characters, and signs that look like = + - @
  const hidden = [
    ' =1+1',
    '   +cmd',
    '\u00A0=1',
    '\u3000-1',
    '\u200B=1',
    '\u200C\u200D\u200E\u200F@x',
    '\u2066=1\u2069',
    '\u202A\u202B\u202C\u202D\u202E+1',
    '\uFEFF=1',
    '\u061C-1',
    '\u2060=1',
    ' \t =1',
    '﹦1',
    '＝1',
    '﹢1',
    '＋1',
    '−1',
    '﹣1',
    '－1',
    '＠x',
    '﹫x',
    ' ﹦HYPERLINK("x")',
  ];
  it.each(hidden)('guards %j after skipping what cannot be seen, keeping every other byte', (v) => {
    const cell = csvText(v);
    const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
    expect(unquoted).toBe(`'${v}`);
    const built = new CsvBuilder().text(v).endRow().toString();
    expect(built).toBe(`${cell}\r\n`);
  });
  it('writes exactly these bytes for hidden and look-alike signs', () => {
    expect(csvText(' =1+1')).toBe("' =1+1");
    expect(csvText('\u200B=1')).toBe("'\u200B=1");
    expect(csvText('\u2066=SUM(A1)\u2069')).toBe("'\u2066=SUM(A1)\u2069");
    expect(csvText('﹦1, then')).toBe(`"'﹦1, then"`);
    expect(csvText(' padded ')).toBe('" padded "');
    expect(csvText('\u200Bنص')).toBe('\u200Bنص');
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
