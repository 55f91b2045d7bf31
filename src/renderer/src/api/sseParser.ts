/**
 * The reading half of server-sent events (the WHATWG "event stream" format), for the event
 * stream the page reads with fetch: `event:` names the event, `data:` lines (joined with "\n")
 * carry it, a blank line ends it, a line starting with ":" is a comment (the server's heartbeat).
 * Chunks may split lines and characters anywhere; the caller decodes bytes to text first.
 */
export type SseHandler = (name: string, data: string) => void;

export function createSseParser(onEvent: SseHandler): { push(chunk: string): void } {
  let buffer = '';
  let name = '';
  let data: string[] = [];
  const line = (text: string) => {
    if (text === '') {
      if (data.length > 0) onEvent(name || 'message', data.join('\n'));
      name = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') name = value;
    else if (field === 'data') data.push(value);
    // id and retry are not used by Hashiya's stream
  };
  return {
    push(chunk) {
      buffer += chunk;
      for (;;) {
        const end = /\r\n|\r|\n/.exec(buffer);
        // a lone "\r" at the end may be the first half of "\r\n": wait for the next chunk
        if (!end || (end[0] === '\r' && end.index === buffer.length - 1)) return;
        line(buffer.slice(0, end.index));
        buffer = buffer.slice(end.index + end[0].length);
      }
    },
  };
}
