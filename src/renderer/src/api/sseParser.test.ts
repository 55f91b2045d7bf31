import { describe, expect, it } from 'vitest';
import { createSseParser } from './sseParser';

const parse = (chunks: string[]) => {
  const seen: Array<[string, string]> = [];
  const parser = createSseParser((name, data) => seen.push([name, data]));
  for (const c of chunks) parser.push(c);
  return seen;
};

describe('reading an event stream', () => {
  it('reads named events in order and skips comments (heartbeats)', () => {
    expect(
      parse([': connected\n\nevent: menu.command\ndata: {"command":"undo"}\n\n: heartbeat\n\nevent: a\ndata: 1\n\n']),
    ).toEqual([
      ['menu.command', '{"command":"undo"}'],
      ['a', '1'],
    ]);
  });

  it('puts together events cut anywhere, CRLF line ends included', () => {
    const text = 'event: documents.changed\r\ndata: {"documentIds":["حاشية"]}\r\n\r\nevent: b\ndata: x\n\n';
    const whole = parse([text]);
    expect(whole).toEqual([
      ['documents.changed', '{"documentIds":["حاشية"]}'],
      ['b', 'x'],
    ]);
    for (let i = 1; i < text.length; i++)
      expect(parse([text.slice(0, i), text.slice(i)]), `cut at ${i}`).toEqual(whole);
    expect(parse([...text])).toEqual(whole);
  });

  it('joins several data lines, and sends nothing for an event without data or not yet ended', () => {
    expect(parse(['event: x\ndata: a\ndata: b\n\nevent: empty\n\nevent: y\ndata: unfinished\n'])).toEqual([
      ['x', 'a\nb'],
    ]);
  });
});
