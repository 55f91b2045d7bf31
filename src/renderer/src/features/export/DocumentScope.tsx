/** Which documents an export covers: the open one, a chosen few, or the whole project. */
import { useEffect, useState } from 'react';
import type { DocumentSummary } from '@shared/model';
import { api, errorMessage } from '../../api/client';
import { useExportStrings } from './strings';

export type Scope = 'current' | 'selected' | 'all';

export interface ScopeValue {
  scope: Scope;
  selected: ReadonlySet<string>;
}

/** The documentIds to send for a scope (undefined = the whole project), or null when none is chosen. */
export function documentIdsFor(value: ScopeValue, currentDocumentId: string | undefined): string[] | undefined | null {
  if (value.scope === 'all') return undefined;
  if (value.scope === 'current') return currentDocumentId ? [currentDocumentId] : null;
  return value.selected.size > 0 ? [...value.selected] : null;
}

export function DocumentScope({
  name,
  value,
  onChange,
  currentDocumentId,
}: {
  name: string;
  value: ScopeValue;
  onChange: (next: ScopeValue) => void;
  currentDocumentId: string | undefined;
}) {
  const x = useExportStrings();
  const [docs, setDocs] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (value.scope !== 'selected' || docs) return;
    api['documents.list']({})
      .then(setDocs)
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [value.scope, docs]);

  const radio = (scope: Scope, label: string, disabled = false) => (
    <label className="export-choice">
      <input
        type="radio"
        name={name}
        checked={value.scope === scope}
        disabled={disabled}
        onChange={() => onChange({ ...value, scope })}
      />
      {label}
    </label>
  );
  const toggle = (id: string, on: boolean) => {
    const selected = new Set(value.selected);
    if (on) selected.add(id);
    else selected.delete(id);
    onChange({ ...value, selected });
  };

  return (
    <fieldset className="export-fieldset">
      <legend>{x.scope}</legend>
      {radio('current', x.scopeCurrent, !currentDocumentId)}
      {radio('selected', x.scopeSelected)}
      {value.scope === 'selected' && (
        <div className="export-doc-list" role="group" aria-label={x.scopeSelected}>
          {error && <p className="error">{error}</p>}
          {docs && docs.length === 0 && <p>{x.noDocuments}</p>}
          {docs?.map((d) => (
            <label key={d.id} className="export-choice">
              <input
                type="checkbox"
                checked={value.selected.has(d.id)}
                onChange={(e) => toggle(d.id, e.target.checked)}
                data-document-id={d.id}
              />
              <span dir="auto" lang={d.language}>
                {d.title}
              </span>
              <span className="export-count">({d.annotationCount})</span>
            </label>
          ))}
        </div>
      )}
      {radio('all', x.scopeAll)}
    </fieldset>
  );
}
