import { memo } from 'react';
import type { Direction } from '@shared/model';
import type { Paragraph } from './textModel';

const BIDI_NAMES: Record<string, string> = {
  '\u202A': 'LRE',
  '\u202B': 'RLE',
  '\u202C': 'PDF',
  '\u202D': 'LRO',
  '\u202E': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
};
const BIDI_SPLIT = /([\u202A-\u202E\u2066-\u2069])/;

/**
 * The article's paragraphs. Rendered once per document and never changed for highlighting (the
 * CSS Custom Highlight API paints over it). Invisible bidi controls get a visible badge; the
 * character itself stays in the text, so offsets are unaffected.
 */
export const ArticleText = memo(function ArticleText({
  paragraphs,
  direction,
  language,
}: {
  paragraphs: readonly Paragraph[];
  direction: Direction;
  language: string;
}) {
  return (
    <>
      {paragraphs.map((p) => (
        <p key={p.index} data-para={p.index} dir={direction} lang={language}>
          {BIDI_SPLIT.test(p.text)
            ? p.text.split(BIDI_SPLIT).map((part, i) =>
                i % 2 === 1 ? (
                  <span
                    key={i}
                    className="bidi-mark"
                    data-mark={BIDI_NAMES[part]}
                    title={`Invisible direction control ${BIDI_NAMES[part]}`}
                  >
                    {part}
                  </span>
                ) : (
                  part
                ),
              )
            : p.text}
        </p>
      ))}
    </>
  );
});
