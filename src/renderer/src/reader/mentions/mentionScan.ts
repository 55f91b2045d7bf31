/**
 * The mentions of known actors and places in a document, found paragraph by paragraph so the work
 * can be cut into idle slices (a paragraph at a time) and never holds up a keystroke for long.
 * Matching is src/shared/claims/mentions.ts (the proposal's: the search's Arabic folding, clitics
 * in front, longest match first); a name is never matched across a paragraph break.
 */
import { buildMentionIndex, type Mention, type MentionIndex } from '@shared/claims/mentions';
import { spellings, type Entity } from '@shared/claims/registry';

/** A mention with the paragraph (0-based, the article's `\n`-separated lines) it is in. */
export interface MarkedMention extends Mention {
  para: number;
}

/** Code points in a string (a surrogate pair is one). */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}

/**
 * What matching reads of the registry, as one string: two registries with the same signature find
 * the same mentions (the registry is read again after any project change, not only its own).
 */
export function registrySignature(entities: readonly Entity[]): string {
  const parts: string[] = [];
  for (const e of entities) parts.push(e.id, e.kind, e.type ?? '', ...spellings(e).map((s) => s.text), '\u0001');
  return parts.join('\u0000');
}

/**
 * A scan of one text with one index: `step` goes on where the last one stopped; `near` scans (and
 * keeps) only the paragraphs around a span, for a proposal wanted before the scan is done.
 */
export class MentionScan {
  private readonly paragraphs: string[];
  /** code point offset of each paragraph in the whole text */
  private readonly offsets: number[] = [];
  private readonly found: (MarkedMention[] | undefined)[] = [];
  private next = 0;
  private all: MarkedMention[] | null = null;

  constructor(
    readonly index: MentionIndex,
    readonly text: string,
  ) {
    this.paragraphs = text.split('\n');
    let at = 0;
    for (const p of this.paragraphs) {
      this.offsets.push(at);
      at += codePoints(p) + 1;
    }
  }

  get done(): boolean {
    return this.next >= this.paragraphs.length;
  }

  /** Every mention, in text order (complete once `done`). */
  get mentions(): MarkedMention[] {
    if (this.all) return this.all;
    const out = this.found.flatMap((list) => list ?? []);
    if (this.done) this.all = out;
    return out;
  }

  private scan(i: number): MarkedMention[] {
    let list = this.found[i];
    if (list) return list;
    const offset = this.offsets[i] as number;
    list = this.index
      .find(this.paragraphs[i] as string)
      .map((m) => ({ ...m, start: m.start + offset, end: m.end + offset, para: i }));
    this.found[i] = list;
    return list;
  }

  /** Scan paragraphs while `more()` says so (at least one); true once the whole text is scanned. */
  step(more: () => boolean = () => true): boolean {
    do {
      while (!this.done && this.found[this.next]) this.next++;
      if (this.done) break;
      this.scan(this.next++);
    } while (more());
    return this.done;
  }

  /** The mentions of the paragraphs that overlap [start − gap, end + gap] (code points). */
  near(span: { start: number; end: number }, gap: number): MarkedMention[] {
    const from = span.start - gap;
    const to = span.end + gap;
    const out: MarkedMention[] = [];
    for (let i = 0; i < this.paragraphs.length; i++) {
      const begin = this.offsets[i] as number;
      const end = begin + codePoints(this.paragraphs[i] as string);
      if (end < from) continue;
      if (begin > to) break;
      out.push(...this.scan(i));
    }
    return out;
  }
}

/** Every mention of the text at once (what the tests and the editor's proposal read). */
export function findMentions(entities: readonly Entity[], text: string): MarkedMention[] {
  const scan = new MentionScan(buildMentionIndex(entities), text);
  scan.step();
  return scan.mentions;
}
