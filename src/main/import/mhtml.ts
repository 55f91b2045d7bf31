/**
 * MHTML, the browser's "save as single file" (.mhtml, .mht): a MIME multipart/related message
 * whose root part is the page's HTML and whose other parts are its images, styles and frames.
 * Only the root HTML part is taken: its transfer encoding (quoted-printable, base64) is undone,
 * its charset applied, and it goes to the web page reader as any saved page does. The other
 * parts are never decoded, loaded or fetched.
 */
import iconv from 'iconv-lite';
import { AppError } from '@shared/errors';
import { importHtml } from './html';
import { MAX_META_CHARS } from './limits';
import type { ImportedText } from './types';

/** Parts looked at most: a saved page with more is not a page. */
const MAX_PARTS = 20_000;

interface Part {
  headers: Map<string, string>;
  body: Buffer;
}

const damaged = (why: string) =>
  new AppError(
    'unprocessable',
    `The saved web page (MHTML) is damaged: ${why}. Save the page again from the browser, or save it as a web page (.html), then import that.`,
  );

/** Header lines up to the first blank line, with folded lines unfolded; names lower-cased. */
function parseHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  let last: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last) {
      headers.set(last, `${headers.get(last) ?? ''} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(last)) headers.set(last, line.slice(colon + 1).trim());
  }
  return headers;
}

/** A header's value and its parameters: `text/html; charset="utf-8"` → text/html, { charset: utf-8 }. */
function parseValue(value: string | undefined): { value: string; params: Map<string, string> } {
  const params = new Map<string, string>();
  const [head = '', ...rest] = (value ?? '').split(';');
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq <= 0) continue;
    params.set(
      param.slice(0, eq).trim().toLowerCase(),
      param
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/s, '$1'),
    );
  }
  return { value: head.trim().toLowerCase(), params };
}

/** Split a message into its header block and body (at the first blank line). */
function splitMessage(bytes: Buffer): { headers: Map<string, string>; body: Buffer } {
  const text = bytes.toString('latin1', 0, Math.min(bytes.length, 64 * 1024));
  const m = /\r?\n\r?\n/.exec(text);
  if (!m) return { headers: parseHeaders(text), body: Buffer.alloc(0) };
  return { headers: parseHeaders(text.slice(0, m.index)), body: bytes.subarray(m.index + m[0].length) };
}

function parts(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const found: Part[] = [];
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const afterDelimiter = at + delimiter.length;
    if (body.toString('latin1', afterDelimiter, afterDelimiter + 2) === '--') break;
    const next = body.indexOf(delimiter, afterDelimiter);
    // the part runs from the line after the delimiter to the line break before the next one
    let start = afterDelimiter;
    while (start < body.length && body[start] !== 0x0a) start++;
    let end = next === -1 ? body.length : next;
    if (body[end - 1] === 0x0a) end--;
    if (body[end - 1] === 0x0d) end--;
    found.push(splitMessage(body.subarray(start + 1, Math.max(start + 1, end))));
    if (found.length > MAX_PARTS) throw damaged(`it has more than ${MAX_PARTS} parts`);
    at = next;
  }
  return found;
}

function decodeQuotedPrintable(body: Buffer): Buffer {
  const out = Buffer.alloc(body.length);
  let n = 0;
  const hex = (b: number | undefined) => (b === undefined ? NaN : parseInt(String.fromCharCode(b), 16));
  for (let i = 0; i < body.length; i++) {
    const b = body[i]!;
    if (b !== 0x3d) {
      out[n++] = b;
      continue;
    }
    // "=" at the end of a line is a soft line break; "=XX" is a byte
    if (body[i + 1] === 0x0a) i += 1;
    else if (body[i + 1] === 0x0d && body[i + 2] === 0x0a) i += 2;
    else {
      const hi = hex(body[i + 1]);
      const lo = hex(body[i + 2]);
      if (Number.isNaN(hi) || Number.isNaN(lo)) out[n++] = b;
      else {
        out[n++] = hi * 16 + lo;
        i += 2;
      }
    }
  }
  return out.subarray(0, n);
}

function decodeBody(part: Part): Buffer {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').trim().toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body);
  if (encoding === 'base64') return Buffer.from(part.body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  return part.body;
}

const contentId = (value: string | undefined) => (value ?? '').trim().replace(/^<(.*)>$/, '$1');

export async function importMhtml(bytes: Uint8Array): Promise<ImportedText> {
  const message = splitMessage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const type = parseValue(message.headers.get('content-type'));
  let root: Part;
  if (type.value === 'text/html') {
    root = message;
  } else {
    const boundary = type.params.get('boundary');
    if (type.value !== 'multipart/related' || !boundary) throw damaged('it does not say where its parts begin');
    const all = parts(message.body, boundary);
    const start = contentId(type.params.get('start'));
    const html = (p: Part) => parseValue(p.headers.get('content-type')).value === 'text/html';
    const found =
      (start ? all.find((p) => contentId(p.headers.get('content-id')) === start && html(p)) : undefined) ??
      all.find(html);
    if (!found) throw damaged('it holds no web page (no text/html part)');
    root = found;
  }
  let html = decodeBody(root);
  const charset = parseValue(root.headers.get('content-type')).params.get('charset')?.toLowerCase();
  if (charset && iconv.encodingExists(charset)) {
    // the part's own charset wins over the page's <meta>: hand the reader UTF-8 with a BOM
    html = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(iconv.decode(html, charset).replace(/^\uFEFF/, ''), 'utf8'),
    ]);
  }
  const result = await importHtml(html);
  const location = (
    root.headers.get('content-location') ??
    message.headers.get('snapshot-content-location') ??
    ''
  ).trim();
  if (!result.meta.url && /^https?:\/\/\S+$/i.test(location) && location.length <= MAX_META_CHARS) {
    result.meta = { ...result.meta, url: location };
  }
  return result;
}
