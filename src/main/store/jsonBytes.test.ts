import { describe, expect, it, vi } from 'vitest';
import { parseJsonBytes, parseJsonBytesYielding, releaseBytes } from './jsonBytes';

/** A project.json-like text of `count` documents (over 1 MB from about 4,000), titles from `title`. */
function projectText(count: number, title: (i: number) => string, after: Record<string, unknown> = {}): string {
  const documents = Array.from({ length: count }, (_, i) => ({
    id: `doc-${i}`,
    title: title(i),
    source: 'الوسط',
    nested: { list: [{ a: i }, { b: [i, { c: '},{' }] }] },
    sha256: 'a'.repeat(64),
  }));
  return JSON.stringify({ schemaVersion: 3, name: 'مشروع', codebook: { codes: [{ id: 'c' }] }, documents, ...after });
}

/** parseJsonBytes gives what JSON.parse gives, or fails where it fails. */
function same(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let expected: unknown;
  try {
    expected = JSON.parse(text);
  } catch {
    expect(() => parseJsonBytes(bytes)).toThrow(SyntaxError);
    return;
  }
  const got = parseJsonBytes(bytes);
  expect(got).toEqual(expected);
  // the same keys in the same order, own properties alike
  expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
}

const tricky = [
  (i: number) => `مقال ${i}: وقف إطلاق النار`,
  // what the leaps look for, inside a title: the piece cut there does not parse
  (i: number) => `a},{b ${i}`,
  (i: number) => `quote " and },{" and \\ ${i}`,
  (i: number) => `backslash at the end \\`.repeat((i % 3) + 1),
  (i: number) => `"},{"id":"x${i}"`,
  (i: number) => `\u2028 ${'}],['.repeat(i % 5)} \u0000 ${i}`,
];

describe('parseJsonBytes', () => {
  it.each(tricky.map((t, i) => [i, t] as const))(
    'reads a large project file as JSON.parse does (titles %i)',
    (_, t) => {
      same(projectText(5000, t, { notices: [{ code: 'a' }, { code: 'b' }], coders: [] }));
    },
  );

  it('reads small files and files whose large array is not the last member', () => {
    same(projectText(3, (i) => `t${i}`));
    same(JSON.stringify({ documents: Array.from({ length: 20000 }, (_, i) => i), after: [1, 2, { x: '},{' }] }));
    same(
      JSON.stringify({ a: [{ x: 1 }], big: Array.from({ length: 9000 }, (_, i) => ({ i, s: 'ص'.repeat(i % 40) })) }),
    );
    // white space everywhere JSON allows it
    same(JSON.stringify(JSON.parse(projectText(4500, (i) => `t${i}`)), null, 2));
  });

  it('keeps JSON.parse’s own properties: __proto__ as a key, a key given twice', () => {
    const big = JSON.stringify(Array.from({ length: 9000 }, (_, i) => ({ i })));
    const proto = parseJsonBytes(Buffer.from(`{"__proto__":${big},"x":1}`)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.hasOwn(proto, '__proto__')).toBe(true);
    expect((proto['__proto__'] as unknown[]).length).toBe(9000);
    same(`{"documents":${big},"documents":[1]}`);
    same(`{"documents":[1],"documents":${big}}`);
  });

  it('refuses what JSON.parse refuses', () => {
    const good = projectText(4500, (i) => `t${i}`);
    const damaged = [
      good.slice(0, good.length - 100), // truncated
      good.slice(0, good.length / 2), // truncated inside the documents
      good + 'x', // something after the object
      good.replace('},{', '},,{'), // an empty element
      good.replace('},{', '}{'), // a missing comma
      good.replace(/\}\]\}$/u, '},]}'), // a comma before the end
      good.replace('"documents":[', '"documents":['.concat(' ,')), // a comma at the start
      good.replace(/\}\]\}$/u, '}}}'), // '[' closed by '}'
      good.replace('"doc-7"', '"doc-7\u0001"'), // a control character in a string
      good.replace('"documents":', '"documents"'), // no colon
    ];
    for (const text of damaged) same(text);
  });

  it('never decodes a large file whole, only pieces of some kilobytes (the 63 MB string of 100,000 titles)', () => {
    for (const title of tricky) {
      const bytes = Buffer.from(projectText(8000, title, { notices: [{ code: 'a' }, { code: 'b' }] }));
      const decode = vi.spyOn(Buffer.prototype, 'toString');
      try {
        parseJsonBytes(bytes);
        const spans = decode.mock.calls.map(
          (args: unknown[]) => Number(args[2] ?? bytes.length) - Number(args[1] ?? 0),
        );
        expect(spans.length).toBeGreaterThan(10);
        expect(Math.max(...spans)).toBeLessThan(bytes.length / 10);
      } finally {
        decode.mockRestore();
      }
    }
  });

  it('lets the event loop turn while it parses a large file, and gives the same value', async () => {
    // some 40,000 documents' worth: browser mode serves the page's files meanwhile
    const text = projectText(40_000, tricky[0] as (i: number) => string);
    let turned = false;
    setImmediate(() => (turned = true));
    const value = await parseJsonBytesYielding(Buffer.from(text));
    expect(turned).toBe(true);
    expect(value).toEqual(JSON.parse(text));
    await expect(parseJsonBytesYielding(Buffer.from(text.slice(0, -3)))).rejects.toThrow(SyntaxError);
  });

  it('leaves the bytes it read as they were', () => {
    const bytes = Buffer.from(projectText(5000, tricky[1] as (i: number) => string));
    const copy = Buffer.from(bytes);
    parseJsonBytes(bytes);
    expect(bytes.equals(copy)).toBe(true);
  });
});

describe('releaseBytes', () => {
  it('gives back a large file’s memory, and leaves a small buffer (perhaps in Node’s shared pool) alone', () => {
    const large = Buffer.alloc(2 * 1024 * 1024, 0x20);
    releaseBytes(large);
    expect(large.length).toBe(0);
    const pooled = Buffer.from('{"a":1}');
    const neighbour = Buffer.from('{"b":2}');
    releaseBytes(pooled);
    expect(pooled.toString()).toBe('{"a":1}');
    expect(neighbour.toString()).toBe('{"b":2}');
    // a view of part of a larger buffer is not its own memory
    const whole = Buffer.alloc(4 * 1024 * 1024, 0x20);
    const half = whole.subarray(0, 2 * 1024 * 1024);
    releaseBytes(half);
    expect(whole.length).toBe(4 * 1024 * 1024);
  });
});
