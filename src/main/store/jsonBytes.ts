/**
 * JSON.parse of a file's UTF-8 bytes without making the whole file one string when it is large.
 *
 * A 100,000-document project.json is 35 MB of UTF-8; its Arabic titles make the decoded text a
 * two-byte string of 63 MB, garbage as soon as it is parsed, and in the large-object space, which
 * only a full collection frees. An idle server runs none for tens of seconds, so its resident
 * memory stayed at twice what it holds. Here a large top-level object is read member by member:
 * an array member of more than CHUNK_BYTES is parsed a few of its elements at a time (strings of
 * some kilobytes, freed by the next young-generation collection), the rest in one small parse.
 *
 * The result is JSON.parse's. The pieces are cut only at the structural commas and brackets of the
 * object (found outside strings, which in UTF-8 no byte of another character can be), and each
 * piece is parsed by JSON.parse itself; anything the cut cannot vouch for (a top level that is
 * no object, a key given twice, an empty element, text that does not parse) is parsed whole, so
 * a damaged file fails as it always did.
 */

/** Files below this are parsed whole: there is no large string to avoid. */
const LARGE_BYTES = 1024 * 1024;
/** the bytes of one piece of an array: under V8's large-object size even as two-byte text */
const CHUNK_BYTES = 16 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Parse `bytes` (UTF-8, no byte-order mark) as JSON.parse would parse their text. */
export function parseJsonBytes(bytes: Buffer): unknown {
  const steps = parseSteps(bytes);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How long the parse may keep the event loop before it lets a turn go by (parseJsonBytesYielding). */
const TURN_MS = 8;

/**
 * The same, letting the event loop turn between pieces about every TURN_MS: at 100,000
 * documents the parse takes a third of a second or more, and browser mode, which listens while
 * the project opens, meanwhile serves the page's files (its script is waited for by everything).
 */
export async function parseJsonBytesYielding(bytes: Buffer): Promise<unknown> {
  const steps = parseSteps(bytes);
  let since = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - since >= TURN_MS) {
      await new Promise<void>((done) => setImmediate(done));
      since = performance.now();
    }
  }
}

/** The parse, one piece of a large array per step. */
function* parseSteps(bytes: Buffer): Generator<void, unknown> {
  if (bytes.length >= LARGE_BYTES) {
    const parsed = yield* parseByMembers(bytes);
    if (parsed !== undefined) return parsed.value;
  }
  return JSON.parse(bytes.toString('utf8'));
}

/**
 * Give a large file's bytes back now, not at the next full collection: the Buffer read at the
 * start of a parse has been promoted by the end of it, so its 35 MB would stay until one runs.
 * Only a buffer that has its memory to itself (a whole file read, perhaps without a byte-order
 * mark) is detached; a small one may share Node's pool with other buffers and is left alone.
 */
export function releaseBytes(bytes: Buffer): void {
  const memory = bytes.buffer;
  if (bytes.length < LARGE_BYTES || !(memory instanceof ArrayBuffer) || memory.byteLength > bytes.byteLength + 3)
    return;
  // a transfer detaches it; the copy that holds the memory now is young, freed by the next scavenge
  structuredClone(memory, { transfer: [memory] });
}

/** The end of the string that starts at `at` (the index after its closing quote), or -1. */
function stringEnd(bytes: Buffer, at: number): number {
  let i = at + 1;
  for (;;) {
    const q = bytes.indexOf(QUOTE, i);
    if (q < 0) return -1;
    let slashes = 0;
    while (bytes[q - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return q + 1;
    i = q + 1;
  }
}

interface BigArray {
  key: string;
  /** where the array's '[' is */
  start: number;
  /** the elements parsed by leaps (leapPieces) */
  items: unknown[];
  /** the cut points after those: the '[' or comma they ended at, each comma between pieces, the ']' */
  cuts: number[];
}

/** How far one leap may reach for the end of its piece before the scan takes over. */
const LEAP_REACH = 4 * CHUNK_BYTES;
/** an object element's end, the comma, the next object element's start */
const OBJECTS_JOINED = Buffer.from('},{');

/**
 * The elements of the array whose '[' (or a comma between its elements) is at `from`, parsed a
 * piece at a time by leaping to the next '},{' some CHUNK_BYTES on instead of reading every byte
 * on the way: a leap that lands inside a string or deeper than the array's own elements leaves a
 * piece that does not parse (its last string never closes, or a bracket stays open), and so does
 * one past the array's end (the piece closes the array and goes on). Then the scan takes over from
 * the last piece that parsed. Returns the elements, and where that last piece ended.
 */
function* leapPieces(bytes: Buffer, from: number): Generator<void, { items: unknown[]; end: number }> {
  const items: unknown[] = [];
  for (;;) {
    const joint = bytes.indexOf(OBJECTS_JOINED, from + CHUNK_BYTES);
    if (joint < 0 || joint - from > LEAP_REACH) break;
    let parsed: unknown[];
    try {
      parsed = JSON.parse(`[${bytes.toString('utf8', from + 1, joint + 1)}]`) as unknown[];
    } catch {
      break;
    }
    for (const item of parsed) items.push(item);
    from = joint + 1;
    yield;
  }
  return { items, end: from };
}

/**
 * A top-level object read member by member, or undefined when it is not one whose large arrays
 * can be cut safely (the caller then parses the whole text, with JSON.parse's own verdict).
 */
function* parseByMembers(bytes: Buffer): Generator<void, { value: unknown } | undefined> {
  let i = 0;
  while (i < bytes.length && isSpace(bytes[i] as number)) i++;
  if (bytes[i] !== OPEN_BRACE) return undefined;
  const keys: string[] = [];
  const big: BigArray[] = [];
  // the text outside the large arrays, with each of them replaced by []
  const skeleton: string[] = [];
  let copiedTo = 0;
  let depth = 0;
  let expectKey = false;
  // within an array member (depth 2 inside it): its cut points and where the current piece began
  let open: BigArray | null = null;
  let pieceFrom = 0;
  for (; i < bytes.length; i++) {
    const c = bytes[i] as number;
    if (c === QUOTE) {
      const end = stringEnd(bytes, i);
      if (end < 0) return undefined;
      if (depth === 1 && expectKey) {
        keys.push(JSON.parse(bytes.toString('utf8', i, end)) as string);
        expectKey = false;
      }
      i = end - 1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth === 1) expectKey = true;
      else if (depth === 2 && c === OPEN_BRACKET && keys.length > 0) {
        const leapt = yield* leapPieces(bytes, i);
        open = { key: keys[keys.length - 1] as string, start: i, items: leapt.items, cuts: [leapt.end] };
        // the scan goes on from the comma (or the '[') the leaps ended at
        pieceFrom = i = leapt.end;
      }
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth === 2 && open) {
        // '[' closed by '}': no JSON (and the cut would hide it)
        if (c !== CLOSE_BRACKET) return undefined;
        open.cuts.push(i);
        if (i - open.start > CHUNK_BYTES) {
          skeleton.push(bytes.toString('utf8', copiedTo, open.start), '[]');
          copiedTo = i + 1;
          big.push(open);
        }
        open = null;
      }
      depth--;
      if (depth === 0) {
        i++;
        break;
      }
    } else if (c === COMMA) {
      if (depth === 1) expectKey = true;
      else if (depth === 2 && open && i - pieceFrom >= CHUNK_BYTES) {
        open.cuts.push(i);
        pieceFrom = i;
      }
    } else if (c === COLON && depth === 1) expectKey = false;
  }
  if (depth !== 0 || big.length === 0) return undefined;
  // a key given twice: JSON.parse keeps the last value where the first stood; parse it whole
  if (new Set(keys).size !== keys.length) return undefined;
  skeleton.push(bytes.toString('utf8', copiedTo));
  try {
    const value = JSON.parse(skeleton.join('')) as Record<string, unknown>;
    for (const { key, items, cuts } of big) {
      for (let k = 0; k + 1 < cuts.length; k++) {
        const piece = bytes.toString('utf8', (cuts[k] as number) + 1, cuts[k + 1]);
        // an element left empty by a cut ('[,', ',,', ',]') is no JSON; neither is the whole
        if (piece.trim() === '') return undefined;
        for (const item of JSON.parse(`[${piece}]`) as unknown[]) items.push(item);
        yield;
      }
      // as JSON.parse makes it: an own property, even for a key such as __proto__
      Object.defineProperty(value, key, { value: items, writable: true, enumerable: true, configurable: true });
    }
    return { value };
  } catch {
    return undefined;
  }
}
