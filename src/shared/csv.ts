/**
 * An RFC 4180 CSV writer that is safe to open in a spreadsheet (DESIGN.md §6).
 *
 * - Rows end with CRLF; a field is quoted when it holds `"`, `,`, CR or LF, or begins or ends
 *   with white space (which some readers would otherwise trim); `"` is escaped by doubling.
 * - Formula injection (OWASP): a TEXT cell that begins with a tab, CR or LF, or whose first
 *   visible character (after white space and invisible format characters such as U+200B or
 *   U+2066) is = + - @ or a look-alike (＝ ﹦ ＋ ﹢ − － ﹣ ＠ …), gets a leading `'`, so Excel,
 *   LibreOffice and Sheets show it as text instead of evaluating it; the cell is otherwise
 *   unchanged. A cell that already begins with `'` gets one too, which
 *   makes the rule exactly reversible: strip ONE leading `'` from every text cell that has one
 *   (R `sub("^'", "", x)`, pandas `.str.replace(r"^'", "", regex=True)`) and you have the data.
 * - Numbers are written bare (no prefix, no quotes) so they stay numbers.
 *
 * The byte-order mark is not added here: the exporter prefixes CSV_BOM once, to the whole file.
 * Pure: it runs in Node and the browser. CsvBuilder is the fast path for large exports: it
 * copies each cell once into a growing UTF-16 buffer and decodes it once at the end, which keeps
 * the export close to JSON.stringify's speed (building row strings and joining them spent most
 * of its time in the garbage collector).
 */

export const CSV_BOM = '\uFEFF';
export const CSV_EOL = '\r\n';

/** A cell value: text is guarded and quoted as needed; a number is written as it is. */
export type CsvValue = string | number;

/**
 * Characters a reader does not see, skipped before looking for a formula sign: white space
 * (spaces, NBSP, tabs, line breaks), format characters (zero-width spaces and joiners, bidi
 * marks, embeddings, overrides and isolates, the BOM, soft hyphen), controls, and blank fillers.
 */
const INVISIBLE = String.raw`\u034F\s\p{Cf}\p{Cc}\u115F\u1160\u17B4\u17B5\u180B-\u180F\u2800\u3164\uFFA0`;
/**
 * Signs a spreadsheet may take for the start of a formula: = + - @ and their look-alikes
 * (small, full-width, superscript and subscript forms, the minus sign and hyphen-like dashes).
 */
const SIGNS = String.raw`=+\-@\uFE66\uFF1D\u207C\u208C\uFE62\uFF0B\u207A\u208A\u2795\u2212\uFE63\uFF0D\u207B\u208B\u02D7\u2010-\u2012\u2796\uFF20\uFE6B`;
// eslint-disable-next-line no-misleading-character-class -- single invisible code points (some are combining), matched one at a time
const FORMULA_AFTER_INVISIBLES = new RegExp(`^[${INVISIBLE}]*[${SIGNS}]`, 'u');

/** True when a text cell would be read as a formula (or starts with our own marker, `'`). */
function needsGuard(value: string): boolean {
  const c = value.charCodeAt(0);
  switch (c) {
    case 0x3d: // =
    case 0x2b: // +
    case 0x2d: // -
    case 0x40: // @
    case 0x09: // tab
    case 0x0d: // CR
    case 0x0a: // LF
    case 0x27: // ' (so that stripping one leading ' is always exact)
      return true;
    default:
      // the usual first characters (visible ASCII, Arabic letters) answer at once
      if ((c > 0x20 && c < 0x7f) || (c >= 0x0621 && c <= 0x064a)) return false;
      return FORMULA_AFTER_INVISIBLES.test(value);
  }
}

function isEdgeSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000;
}

/** Characters that force quoting anywhere in a field. */
const SPECIAL = /[",\r\n]/;

/** Whether a field must be enclosed in double quotes. */
function needsQuotes(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  if (isEdgeSpace(s.charCodeAt(0)) || isEdgeSpace(s.charCodeAt(n - 1))) return true;
  // One precompiled character-class test per cell: measured faster in V8 than four indexOf
  // calls or a JavaScript char loop (see test/export/csvSpeed.test.ts for the budget).
  return SPECIAL.test(s);
}

/** One text cell, guarded against formula injection and quoted when needed. */
export function csvText(value: string): string {
  if (value.length === 0) return '';
  const s = needsGuard(value) ? "'" + value : value;
  if (!needsQuotes(s)) return s;
  return '"' + (s.indexOf('"') === -1 ? s : s.replaceAll('"', '""')) + '"';
}

/** One numeric cell: the number as it is (non-finite numbers become an empty cell). */
export function csvNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

/** One cell of either kind. */
export function csvCell(value: CsvValue): string {
  return typeof value === 'number' ? csvNumber(value) : csvText(value);
}

/** One record, CRLF included. */
export function csvRow(values: readonly CsvValue[]): string {
  let out = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    out += csvCell(values[i] as CsvValue);
  }
  return out + CSV_EOL;
}

/** A whole file (BOM, header, rows); for small outputs. Large exports stream rows with csvRow. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const parts = [CSV_BOM, csvRow(header)];
  for (const row of rows) parts.push(csvRow(row));
  return parts.join('');
}

const INITIAL_UNITS = 1 << 16;

/** Builds a large CSV in one growing UTF-16 buffer: each cell is copied once. */
export class CsvBuilder {
  private buf: Uint16Array;
  private len = 0;
  private atRowStart = true;
  private readonly decode: (units: Uint16Array) => string;

  /**
   * @param options.capacity expected size in UTF-16 units (avoids regrowing)
   * @param options.decode faster decoder where one exists (Node: Buffer's utf16le); the default
   *   is TextDecoder, available everywhere
   */
  constructor(options: { capacity?: number; decode?: (units: Uint16Array) => string } = {}) {
    this.buf = new Uint16Array(Math.max(INITIAL_UNITS, options.capacity ?? 0));
    this.decode = options.decode ?? ((units) => new TextDecoder('utf-16le', { ignoreBOM: true }).decode(units));
  }

  private ensure(extra: number): void {
    const need = this.len + extra;
    if (need <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const next = new Uint16Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  private separator(): void {
    if (this.atRowStart) this.atRowStart = false;
    else {
      this.ensure(1);
      this.buf[this.len++] = 0x2c;
    }
  }

  /** Characters as they are (a BOM, a pre-encoded header). */
  raw(s: string): this {
    const n = s.length;
    this.ensure(n);
    const b = this.buf;
    let o = this.len;
    for (let i = 0; i < n; i++) b[o++] = s.charCodeAt(i);
    this.len = o;
    return this;
  }

  /** A text cell: guarded against formula injection and quoted when needed. */
  text(value: string): this {
    this.separator();
    const n = value.length;
    if (n === 0) return this;
    const guard = needsGuard(value);
    this.ensure(2 * n + 3);
    const b = this.buf;
    const start = this.len;
    let o = start;
    // One pass: copy while looking for a character that forces quoting (the usual cell has
    // none); on finding one, start again quoted. The edges are checked first.
    let quote = (!guard && isEdgeSpace(value.charCodeAt(0))) || isEdgeSpace(value.charCodeAt(n - 1));
    if (!quote) {
      if (guard) b[o++] = 0x27;
      for (let i = 0; i < n; i++) {
        const c = value.charCodeAt(i);
        if (c === 0x22 || c === 0x2c || c === 0x0d || c === 0x0a) {
          quote = true;
          break;
        }
        b[o++] = c;
      }
    }
    if (quote) {
      o = start;
      b[o++] = 0x22;
      if (guard) b[o++] = 0x27;
      for (let i = 0; i < n; i++) {
        const c = value.charCodeAt(i);
        b[o++] = c;
        if (c === 0x22) b[o++] = 0x22;
      }
      b[o++] = 0x22;
    }
    this.len = o;
    return this;
  }

  /** `count` empty cells. */
  empty(count: number): this {
    for (let i = 0; i < count; i++) this.separator();
    return this;
  }

  /** A numeric cell, bare. */
  number(value: number): this {
    this.separator();
    // offsets and paragraph numbers: small non-negative integers, written digit by digit
    if (Number.isSafeInteger(value) && value >= 0) {
      let digits = 1;
      for (let v = value; v >= 10; v = Math.floor(v / 10)) digits++;
      this.ensure(digits);
      const b = this.buf;
      let v = value;
      for (let i = this.len + digits - 1; i >= this.len; i--) {
        b[i] = 0x30 + (v % 10);
        v = Math.floor(v / 10);
      }
      this.len += digits;
      return this;
    }
    return this.raw(csvNumber(value));
  }

  /** End the record (CRLF). */
  endRow(): this {
    this.atRowStart = true;
    this.ensure(2);
    this.buf[this.len++] = 0x0d;
    this.buf[this.len++] = 0x0a;
    return this;
  }

  /**
   * Write again the units from `start` to `end`, written before and ending a row (CRLF
   * included): the same rest of a row for another code of one annotation, copied, not encoded.
   */
  again(start: number, end: number): this {
    const n = end - start;
    this.ensure(n);
    this.buf.copyWithin(this.len, start, end);
    this.len += n;
    this.atRowStart = true;
    return this;
  }

  /** UTF-16 code units written so far. */
  get length(): number {
    return this.len;
  }

  toString(): string {
    return this.decode(this.buf.subarray(0, this.len));
  }
}

/** Undo the formula guard of one text cell (what a reader does after parsing). */
export function unguardCsvText(cell: string): string {
  return cell.charCodeAt(0) === 0x27 ? cell.slice(1) : cell;
}
