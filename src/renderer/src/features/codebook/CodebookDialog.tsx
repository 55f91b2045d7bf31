/**
 * The codebook window: tabs for the codes, the claim fields, the actors and places, and the
 * summary. Opened from the top bar by <CodebookButton>.
 */
import { useState, type KeyboardEvent } from 'react';
import { Modal } from '../../app/Modal';
import { ActorsTab } from './ActorsTab';
import { useActorStrings } from './actorStrings';
import { CodesTab } from './CodesTab';
import { FieldsTab } from './FieldsTab';
import { useCodebookStrings } from './strings';
import { SummaryTab } from './SummaryView';
import './codebook.css';

const TABS = ['codes', 'fields', 'actors', 'summary'] as const;
type Tab = (typeof TABS)[number];

export function CodebookDialog({ onClose, initialTab = 'codes' }: { onClose: () => void; initialTab?: Tab }) {
  const c = useCodebookStrings();
  const a = useActorStrings();
  const [tab, setTab] = useState<Tab>(initialTab);
  const [message, setMessage] = useState('');
  const announce = (m: string) => {
    setMessage('');
    requestAnimationFrame(() => setMessage(m));
  };
  const label: Record<Tab, string> = {
    codes: c.codesTab,
    fields: a.fieldsTab,
    actors: a.actorsTab,
    summary: c.summaryTab,
  };

  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const rtl = document.documentElement.dir === 'rtl';
    let next: number | null = null;
    if (e.key === (rtl ? 'ArrowLeft' : 'ArrowRight')) next = (i + 1) % TABS.length;
    else if (e.key === (rtl ? 'ArrowRight' : 'ArrowLeft')) next = (i - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    if (next === null) return;
    e.preventDefault();
    const t = TABS[next] as Tab;
    setTab(t);
    requestAnimationFrame(() => document.getElementById(`cb-tab-${t}`)?.focus());
  };

  return (
    <Modal label={c.codebookTitle} onClose={onClose} className="codebook-dialog">
      <div className="cb-head">
        <h2>{c.codebookTitle}</h2>
        <button type="button" onClick={onClose} aria-label={c.close}>
          ×
        </button>
      </div>
      <div role="tablist" aria-label={c.codebookTitle} className="cb-tabs" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            key={t}
            id={`cb-tab-${t}`}
            type="button"
            role="tab"
            aria-selected={tab === t}
            aria-controls={`cb-panel-${t}`}
            tabIndex={tab === t ? 0 : -1}
            onClick={() => setTab(t)}
          >
            {label[t]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`cb-panel-${tab}`} aria-labelledby={`cb-tab-${tab}`} className="cb-panel">
        {tab === 'codes' && <CodesTab announce={announce} />}
        {tab === 'fields' && <FieldsTab announce={announce} />}
        {tab === 'actors' && <ActorsTab announce={announce} />}
        {tab === 'summary' && <SummaryTab />}
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {message}
      </p>
    </Modal>
  );
}
