import { useEffect, useMemo, useRef, useState } from 'react';
import type { Code } from '../../../shared/model';
import { codeLabel, useI18n } from '../i18n';
import { Modal } from '../app/Modal';

/** Ctrl/Cmd+K: a searchable list of codes with their definitions; Enter tags with the chosen one. */
export function CodePalette({ codes, onChoose, onClose }: { codes: readonly Code[]; onChoose: (code: Code) => void; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return codes;
    return codes.filter((c) => [c.name, c.nameAr, c.description, c.key ?? ''].some((s) => s.toLowerCase().includes(q)));
  }, [codes, query]);
  const current = matches[Math.min(index, matches.length - 1)];

  return (
    <Modal label={t('tagWith')} onClose={onClose} className="palette">
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={current ? `palette-${current.id}` : undefined}
        aria-label={t('searchCodes')}
        placeholder={t('searchCodes')}
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
          }
        }}
      />
      <ul id="palette-list" role="listbox" aria-label={t('codes')}>
        {matches.length === 0 && <li className="empty">{t('noCodeMatches')}</li>}
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
