/**
 * What a news page carries around its article and is not the article: blocks that the site marks
 * as related links, sponsored content, promotions, tags or share buttons (by their class or id),
 * and the site's stock lines ("اقرأ أيضا", "مواضيع ذات صلة", a comment policy, "print this").
 */
import { BLOCK_ELEMENTS } from './htmlText';

/**
 * Class or id words of blocks that are not the article. A word counts when it is the whole name
 * or one part of it between dashes or underscores: `jp-relatedposts` and `post-tags` are marked,
 * `shared` and `adapter` are not.
 */
const MARKED_PART =
  /^(?:related(?:posts?|articles?|news|stories|links)?|relatedposts|sponsor(?:ed|s)?|promo(?:ted|tion|s)?|ads?|advert(?:s|isement|ising)?|outbrain|taboola|readmore|read-more|more-stories|tags?|tagcloud|share|sharing|sharedaddy|social|newsletter|print|comments?)$/i;

function isMarked(el: Element): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
  for (const name of names.split(/\s+/)) {
    if (!name) continue;
    if (MARKED_PART.test(name) || name.split(/[-_]+/).some((part) => MARKED_PART.test(part))) return true;
    if (name.includes('read-more') || name.includes('readmore') || name.includes('relatedposts')) return true;
  }
  return false;
}

const textLength = (node: Node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim().length;

/**
 * Remove the marked blocks from `root`. Only block elements: an inline link or span inside a
 * sentence (`<a class="tag">حفتر</a>`) is part of the sentence. A marked element holding more than half of the page's
 * text is kept (an article wrapper whose class happens to say `has-share-bar` is not boilerplate).
 * Answers how many blocks were removed.
 */
export function removeMarkedBlocks(root: Element): number {
  const total = textLength(root);
  let removed = 0;
  const marked = Array.from(root.querySelectorAll('[class], [id]')).filter(
    (el) => BLOCK_ELEMENTS.has(el.localName) && isMarked(el),
  );
  for (const el of marked) {
    if (!el.isConnected || !root.contains(el)) continue; // inside a block already removed
    if (textLength(el) > total / 2) continue;
    el.remove();
    removed++;
  }
  return removed;
}

/** Arabic folded for matching stock phrases: no harakat or tatweel, one alef, ي for ى, ه for ة. */
function fold(text: string): string {
  return text
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Lines that start this way and are short are a site's stock links, not the article. */
const STOCK_STARTS = [
  'مواضيع ساخنه اخري',
  'مواضيع ساخنه اخرى',
  'مواضيع ساخنه',
  'اقرا ايضا',
  'اقرا ايضاً',
  'اقرا المزيد',
  'اقرا كذلك',
  'طالع ايضا',
  'شاهد ايضا',
  'مواضيع ذات صله',
  'اخبار ذات صله',
  'مقالات ذات صله',
  'مواضيع مقترحه',
  'مواضيع متعلقه',
  'الاكثر قراءه',
  'شارك هذا',
  'شارك المقال',
  'شارك الخبر',
  'مشاركه عبر',
  'ارسل لصديق',
  'تابعونا على',
  'الوسوم',
  'كلمات مفتاحيه',
  'read more',
  'read also',
  'related articles',
  'related posts',
  'related stories',
  'share this',
  'tags:',
].map(fold);

/** Words that are a stock line only when they are the whole line: "طباعة", "Share". */
const STOCK_WHOLE = ['طباعه', 'اطبع', 'شارك', 'مشاركه', 'تعليقات', 'print', 'share', 'related', 'tags', 'comments'].map(
  fold,
);

/** Phrases of a comment policy or disclaimer, wherever they stand in a short paragraph. */
const STOCK_ANYWHERE = [
  'سياسه التعليقات',
  'التعليقات المنشوره لا تعبر',
  'التعليقات لا تعبر عن',
  'الاراء الوارده في التعليقات',
  'تعبر عن راي كاتبها',
  'تعبر عن رأي اصحابها',
  'comment policy',
  'comments are moderated',
].map(fold);

/** A paragraph no longer than this can be a stock line; an article paragraph is left alone. */
const MAX_STOCK_LINE = 160;
const MAX_POLICY_LINE = 400;

export function isBoilerplateLine(paragraph: string): boolean {
  const text = fold(paragraph).replace(/^[\s\-–—•·|»«:>]+/, '');
  if (STOCK_WHOLE.includes(text.replace(/[\s.:،,!|]+$/u, ''))) return true;
  if (
    text.length <= MAX_STOCK_LINE &&
    STOCK_STARTS.some(
      (start) => text === start || (text.startsWith(start) && !/\p{L}/u.test(text.charAt(start.length))),
    )
  )
    return true;
  return text.length <= MAX_POLICY_LINE && STOCK_ANYWHERE.some((phrase) => text.includes(phrase));
}

/** The same text for comparing a headline with a paragraph: folded, without closing punctuation. */
export function sameLine(a: string, b: string): boolean {
  const key = (s: string) => fold(s).replace(/[\s.:،,!?؟]+$/u, '');
  return key(a) === key(b);
}
