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

/** A scan of one text with one index: `step` goes on where the last one stopped. */
export class MentionScan {
  readonly mentions: MarkedMention[] = [];
  private readonly paragraphs: string[];
  private next = 0;
  /** code point offset of paragraph `next` in the whole text */
  private offset = 0;

  constructor(
    readonly index: MentionIndex,
    readonly text: string,
  ) {
    this.paragraphs = text.split('\n');
  }

  get done(): boolean {
    return this.next >= this.paragraphs.length;
  }

  /** Scan paragraphs while `more()` says so (at least one); true once the whole text is scanned. */
  step(more: () => boolean = () => true): boolean {
    do {
      if (this.done) break;
      const p = this.paragraphs[this.next] as string;
      for (const m of this.index.find(p))
        this.mentions.push({ ...m, start: m.start + this.offset, end: m.end + this.offset, para: this.next });
      this.offset += codePoints(p) + 1;
      this.next++;
    } while (more());
    return this.done;
  }
}

/** Every mention of the text at once (what the tests and the editor's proposal read). */
export function findMentions(entities: readonly Entity[], text: string): MarkedMention[] {
  const scan = new MentionScan(buildMentionIndex(entities), text);
  scan.step();
  return scan.mentions;
}
