import { useEffect, useMemo, useRef, useState } from 'react';
import type { Code } from '@shared/model';
import { rankCodes } from '@shared/codebook/paletteSearch';
import { codeLabel, useI18n, useAppStrings } from '../i18n';
import { Modal } from '../app/Modal';
import { useKeyStrings } from './keyStrings';
import './codeKeys.css';

/**
 * Ctrl/Cmd+K: a searchable list of codes with their definitions; Enter tags with the chosen one.
 * Codes whose name matches come before codes whose definition does. The selected passage is
 * shown above the list, and the dialog sits in the half of the window the selection is not in,
 * so the passage stays in sight.
 */
export function CodePalette({
  codes,
  passage,
  place = 'center',
  onChoose,
  onClose,
}: {
  codes: readonly Code[];
  /** the text being tagged: the selection, or the active annotation's passage */
  passage?: string | undefined;
  /** where the dialog goes: away from the selection */
  place?: 'top' | 'bottom' | 'center';
  onChoose: (code: Code) => void;
  onClose: () => void;
}) {
  const { lang } = useI18n();
  const words = useAppStrings();
  const k = useKeyStrings();
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const matches = useMemo(() => rankCodes(codes, query), [codes, query]);
  const current = matches[Math.min(index, matches.length - 1)];

  return (
    <Modal label={words.tagWith} onClose={onClose} className={`palette palette-${place}`}>
      {passage && (
        <figure className="palette-passage">
          <figcaption>{k.selectedPassage}</figcaption>
          <blockquote dir="auto" data-testid="palette-passage">
            {passage}
          </blockquote>
        </figure>
      )}
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={current ? `palette-${current.id}` : undefined}
        aria-label={words.searchCodes}
        placeholder={words.searchCodes}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setIndex(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setIndex((i) => Math.min(i + 1, matches.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setIndex((i) => Math.max(i - 1, 0));
          } else if (e.key === 'Enter' && current) {
            e.preventDefault();
            onChoose(current);
          } else if (e.key === 'Escape') {
            // a search field would only clear itself on the first Esc: close at once
            e.preventDefault();
            onClose();
          }
        }}
      />
      <ul id="palette-list" role="listbox" aria-label={words.codes}>
        {matches.length === 0 && <li className="empty">{words.noCodeMatches}</li>}
        {matches.map((c) => (
          <li
            key={c.id}
            id={`palette-${c.id}`}
            role="option"
            aria-selected={c === current}
            className={c === current ? 'current' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onChoose(c)}
          >
            <span className="swatch" style={{ backgroundColor: c.color }} aria-hidden="true" />
            <span className="code-name">{codeLabel(c, lang)}</span>
            {c.key && <kbd>{c.key}</kbd>}
            {c.description && <span className="code-desc">{c.description}</span>}
          </li>
        ))}
      </ul>
    </Modal>
  );
}
