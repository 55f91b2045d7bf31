/** Which documents an export covers: the open one, a chosen few, or the whole project. */
import { DocumentPicker } from '../../app/DocumentPicker';
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

  return (
    <fieldset className="export-fieldset">
      <legend>{x.scope}</legend>
      {radio('current', x.scopeCurrent, !currentDocumentId)}
      {radio('selected', x.scopeSelected)}
      {value.scope === 'selected' && (
        <DocumentPicker
          legend={x.scopeSelected}
          chosen={value.selected}
          onChange={(selected) => onChange({ ...value, selected })}
          testId={`${name}-documents`}
          counts
        />
      )}
      {radio('all', x.scopeAll)}
    </fieldset>
  );
}
