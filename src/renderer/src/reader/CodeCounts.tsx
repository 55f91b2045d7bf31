/**
 * The annotations per code, as chips on one line; the chips that do not fit are summed up in a
 * "+N more" button that shows them all (and folds them back), so the list below keeps its room.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Code } from '@shared/model';
import { codeLabel, useI18n, useAppStrings } from '../i18n';

export function CodeCounts({ codes, counts }: { codes: readonly Code[]; counts: ReadonlyMap<string, number> }) {
  const { lang } = useI18n();
  const words = useAppStrings();
  const [open, setOpen] = useState(false);
  const [overflowing, setOverflowing] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  const shown = codes.filter((c) => counts.has(c.id));

  // count the chips that start below the first line (the collapsed list clips them), when the
  // browser has laid them out anyway: a ResizeObserver on the list and on every chip (a chip
  // changes size when its count does) runs after layout, so a tag forces no layout of the page
  useLayoutEffect(() => {
    const ul = list.current;
    if (!ul) return;
    const observer = new ResizeObserver(() => {
      const items = [...ul.children] as HTMLElement[];
      const top = items[0]?.offsetTop ?? 0;
      const n = items.filter((li) => li.offsetTop > top + 2).length;
      // before this frame is painted, so "+N more" never shows a stale N
      flushSync(() => setOverflowing(n));
    });
    observer.observe(ul);
    for (const li of ul.children) observer.observe(li);
    return () => observer.disconnect();
  }, [shown.length, lang]);

  if (shown.length === 0) return null;
  return (
    <div className={`code-counts-wrap${open ? ' open' : ''}`}>
      <ul className="code-counts" id="code-counts" ref={list} aria-label={words.countPerCode}>
        {shown.map((c) => (
          <li key={c.id} data-code-id={c.id}>
            <span className="swatch" style={{ backgroundColor: c.color }} aria-hidden="true" />
            <bdi>{codeLabel(c, lang)}</bdi>: <span className="n">{counts.get(c.id)}</span>
          </li>
        ))}
      </ul>
      {(overflowing > 0 || open) && (
        <button
          type="button"
          className="link code-counts-toggle"
          aria-expanded={open}
          aria-controls="code-counts"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? words.fewerCodes : words.moreCodes.replace('{n}', String(overflowing))}
        </button>
      )}
    </div>
  );
}
