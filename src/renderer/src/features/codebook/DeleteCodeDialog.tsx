/**
 * Deleting a code asks what happens to the annotations that use it (reassign to another code,
 * or remove the code from them), saying how many, and what happens to its sub-codes.
 */
import { useState } from 'react';
import type { Code, Codebook } from '@shared/model';
import { descendantIds, treeRows } from '@shared/codebook/tree';
import { Modal } from '../../app/Modal';
import { codeLabel, useI18n } from '../../i18n';
import { useCodebookStrings } from './strings';

export interface DeleteChoice {
  mode?: 'reassign' | 'remove';
  reassignTo?: string;
  children: 'moveUp' | 'delete';
}

export function DeleteCodeDialog({
  codebook,
  code,
  usage,
  error,
  onConfirm,
  onClose,
}: {
  codebook: Codebook;
  code: Code;
  usage: Readonly<Record<string, number>>;
  error: string | null;
  onConfirm: (choice: DeleteChoice) => void;
  onClose: () => void;
}) {
  const c = useCodebookStrings();
  const { lang } = useI18n();
  const below = descendantIds(codebook, code.id);
  const [children, setChildren] = useState<'moveUp' | 'delete'>('moveUp');
  const [mode, setMode] = useState<'reassign' | 'remove'>('reassign');
  const [target, setTarget] = useState('');
  const removed = children === 'delete' ? [code.id, ...below] : [code.id];
  const count = removed.reduce((n, id) => n + (usage[id] ?? 0), 0);
  const targets = treeRows(codebook).filter((r) => !removed.includes(r.code.id));
  const ready = count === 0 || mode === 'remove' || target !== '';

  return (
    <Modal label={`${c.deleteTitle}: ${codeLabel(code, lang)}`} onClose={onClose} className="cb-delete">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!ready) return;
          onConfirm(
            count > 0 ? { mode, ...(mode === 'reassign' ? { reassignTo: target } : {}), children } : { children },
          );
        }}
      >
        <h2>
          {c.deleteTitle}: “<bdi>{codeLabel(code, lang)}</bdi>”
        </h2>
        <p data-testid="delete-count">{count > 0 ? `${c.usedBy(count)}.` : `${c.unused}.`}</p>
        {below.size > 0 && (
          <fieldset>
            <legend>{below.size} ⟶</legend>
            <label>
              <input
                type="radio"
                name="children"
                checked={children === 'moveUp'}
                onChange={() => setChildren('moveUp')}
              />{' '}
              {c.childrenUp}
            </label>
            <label>
              <input
                type="radio"
                name="children"
                checked={children === 'delete'}
                onChange={() => setChildren('delete')}
              />{' '}
              {c.childrenDelete}
            </label>
          </fieldset>
        )}
        {count > 0 && (
          <fieldset>
            <legend>{c.annotationsOf(count)}</legend>
            <label>
              <input type="radio" name="mode" checked={mode === 'reassign'} onChange={() => setMode('reassign')} />{' '}
              {c.reassign}
            </label>
            <select
              value={target}
              onChange={(e) => {
                setTarget(e.target.value);
                setMode('reassign');
              }}
              aria-label={c.reassign}
              disabled={mode !== 'reassign'}
            >
              <option value="">{c.chooseCode}</option>
              {targets.map((r) => (
                <option key={r.code.id} value={r.code.id}>
                  {'\u00A0\u00A0'.repeat(r.depth)}
                  {codeLabel(r.code, lang)}
                </option>
              ))}
            </select>
            <label>
              <input type="radio" name="mode" checked={mode === 'remove'} onChange={() => setMode('remove')} />{' '}
              {c.remove}
            </label>
          </fieldset>
        )}
        {error && (
          <p className="cb-error" role="alert">
            {error}
          </p>
        )}
        <div className="cb-actions">
          <button type="submit" className="danger" disabled={!ready}>
            {c.confirmDelete}
          </button>
          <button type="button" onClick={onClose}>
            {c.cancel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
