/**
 * The open document's mentions, shared by the article's marks and the editor's claimant proposal:
 * one mention index per registry (kept while the registry's names are the same), one scan per
 * text. The marks fill the scan in idle time; the editor, when it needs a proposal before that,
 * scans only the paragraphs around its passage.
 */
import { buildMentionIndex, type MentionIndex } from '@shared/claims/mentions';
import type { Entity } from '@shared/claims/registry';
import { MentionScan, registrySignature, type MarkedMention } from './mentionScan';

let indexCache: { entities: readonly Entity[]; signature: string; index: MentionIndex } | null = null;
let scanCache: MentionScan | null = null;

function indexFor(entities: readonly Entity[]): MentionIndex {
  if (indexCache?.entities === entities) return indexCache.index;
  const signature = registrySignature(entities);
  if (indexCache?.signature === signature) {
    indexCache = { ...indexCache, entities };
    return indexCache.index;
  }
  indexCache = { entities, signature, index: buildMentionIndex(entities) };
  return indexCache.index;
}

function scanFor(entities: readonly Entity[], text: string): MentionScan {
  const index = indexFor(entities);
  if (scanCache && scanCache.index === index && scanCache.text === text) return scanCache;
  scanCache = new MentionScan(index, text);
  return scanCache;
}

/** Every mention in `text` now (the rest of an unfinished scan done in this call). */
export function mentionsNow(entities: readonly Entity[], text: string): MarkedMention[] {
  const scan = scanFor(entities, text);
  scan.step();
  return scan.mentions;
}

/**
 * The mentions within `gap` code points of a span, now: the paragraphs around it are scanned if
 * the idle scan has not reached them (what a claimant proposal needs, without the whole text).
 */
export function mentionsNear(
  entities: readonly Entity[],
  text: string,
  span: { start: number; end: number },
  gap: number,
): MarkedMention[] {
  const scan = scanFor(entities, text);
  return scan.done ? scan.mentions : scan.near(span, gap);
}

type Deadline = { timeRemaining(): number };
const idle: (run: (d: Deadline) => void) => () => void =
  typeof requestIdleCallback === 'function'
    ? (run) => {
        const handle = requestIdleCallback(run, { timeout: 3000 });
        return () => cancelIdleCallback(handle);
      }
    : (run) => {
        const handle = setTimeout(() => run({ timeRemaining: () => 8 }), 50);
        return () => clearTimeout(handle);
      };

/**
 * The mentions of `text`, found in idle slices (a paragraph at a time while the slice lasts), then
 * given to `done`. Answers a function that cancels what has not run yet.
 */
export function mentionsWhenIdle(
  entities: readonly Entity[],
  text: string,
  done: (mentions: readonly MarkedMention[]) => void,
): () => void {
  let cancel = () => undefined as void;
  let stopped = false;
  const run = (deadline: Deadline) => {
    if (stopped) return;
    const scan = scanFor(entities, text);
    // a slice is what the browser says is idle, and 5 ms at least (a callback run at its timeout
    // has none left, and a paragraph a callback would take many seconds in a busy page)
    const until = performance.now() + Math.max(deadline.timeRemaining() - 1, 5);
    if (scan.step(() => performance.now() < until)) done(scan.mentions);
    else cancel = idle(run);
  };
  cancel = idle(run);
  return () => {
    stopped = true;
    cancel();
  };
}
