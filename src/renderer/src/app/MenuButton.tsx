/**
 * A menu button (WAI-ARIA APG "menu button"): the button opens a list of actions; arrow keys,
 * Home and End move through it, a letter moves to the next entry that starts with it, Escape
 * closes it and puts focus back on the button, Tab closes it and moves on. The list opens
 * below the button on its inline-end side, so it stays inside the window in either direction.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import './menuButton.css';

export interface MenuEntry {
  key: string;
  label: string;
  onSelect: () => void;
  testId?: string;
}

export function MenuButton({ label, entries, testId }: { label: string; entries: MenuEntry[]; testId?: string }) {
  const [active, setActive] = useState<number | null>(null);
  const open = active !== null;
  const id = useId();
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (active !== null) items.current[active]?.focus();
  }, [active]);
  useEffect(() => {
    if (!open) return;
    // a press anywhere else closes the menu (focus goes where that press puts it)
    const away = (e: PointerEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setActive(null);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const last = entries.length - 1;
  const close = () => {
    setActive(null);
    button.current?.focus();
  };
  const select = (entry: MenuEntry) => {
    // focus is on the button before the dialog opens, so closing the dialog comes back to it
    close();
    entry.onSelect();
  };

  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(e.key === 'ArrowDown' ? 0 : last);
    }
  };
  const onMenuKey = (e: KeyboardEvent) => {
    if (active === null) return;
    const move: Record<string, number> = {
      ArrowDown: active === last ? 0 : active + 1,
      ArrowUp: active === 0 ? last : active - 1,
      Home: 0,
      End: last,
    };
    const to = move[e.key];
    if (to !== undefined) {
      e.preventDefault();
      setActive(to);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'Tab') {
      setActive(null);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && e.key.trim()) {
      // typeahead: the next entry after this one whose label starts with the letter
      const letter = e.key.toLocaleLowerCase();
      const order = entries.map((_, i) => (active + 1 + i) % entries.length);
      const hit = order.find((i) => entries[i]?.label.toLocaleLowerCase().startsWith(letter));
      if (hit !== undefined) setActive(hit);
    }
  };

  return (
    <div
      className="menu-button"
      ref={wrap}
      onBlur={(e) => {
        if (open && !wrap.current?.contains(e.relatedTarget as Node | null)) setActive(null);
      }}
    >
      <button
        type="button"
        ref={button}
        id={`${id}-button`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        data-testid={testId}
        onClick={() => (open ? setActive(null) : setActive(0))}
        onKeyDown={onButtonKey}
      >
        {label}
        <span className="menu-button-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <ul role="menu" id={`${id}-menu`} aria-labelledby={`${id}-button`} className="menu-popup" onKeyDown={onMenuKey}>
          {entries.map((entry, i) => (
            <li role="none" key={entry.key}>
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                ref={(el) => {
                  items.current[i] = el;
                }}
                data-testid={entry.testId}
                onClick={() => select(entry)}
                onMouseEnter={() => setActive(i)}
              >
                {entry.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
