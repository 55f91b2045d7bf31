/**
 * A strict RFC 4180 reader for the CSV files Hashiya writes and spreadsheets save: fields
 * separated by commas, records by CRLF or LF, `"` quoting with `""` inside, a leading BOM dropped.
 * A quote left open is an error with its line, not a silent merge of the rest of the file.
 */
import { AppError } from '../errors';

export function readCsv(text: string): string[][] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 1;
  let i = 0;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  while (i < s.length) {
    const c = s[i] as string;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (c === '\n') line++;
      cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
      i++;
    } else if (c === ',') {
      endCell();
      i++;
    } else if (c === '\r' || c === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      cell += c;
      i++;
    }
  }
  if (quoted) throw new AppError('unprocessable', `Line ${quoteLine} opens a quoted cell that is never closed.`);
  if (cell !== '' || row.length > 0) {
    endCell();
    rows.push(row);
  }
  // blank lines carry no record
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}
