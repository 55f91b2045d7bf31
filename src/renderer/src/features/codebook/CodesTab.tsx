/** The codebook editor: the tree on one side, the selected code's editor on the other. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Codebook } from '../../../../shared/model';
import { addCode, reorderCode } from '../../../../shared/codebook/ops';
import { childrenOf, findCode } from '../../../../shared/codebook/tree';
import { api, errorMessage } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { CodeEditor } from './CodeEditor';
import { CodeTree } from './CodeTree';
import { DeleteCodeDialog, type DeleteChoice } from './DeleteCodeDialog';
import { newCodeId, notifyAnnotationsChanged } from './events';
import { ExchangeButtons } from './ExchangeButtons';
import { useCbText } from './strings';
import { noProto } from './noProto';

export function CodesTab({ announce }: { announce: (message: string) => void }) {
  const app = useApp();
  const { c } = useCbText();
  const codebook = app.codebook;
  const [usage, setUsage] = useState<Record<string, number>>(() => noProto({}));
  const [selectedId, setSelectedId] = useState<string | null>(codebook.codes[0]?.id ?? null);
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const reloadUsage = useCallback(async () => {
    try {
      setUsage(noProto((await api['codebook.usage']({})).codes));
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);
  useEffect(() => {
    void reloadUsage();
  }, [reloadUsage]);

  const save = async (next: Codebook): Promise<string | null> => {
    try {
      await api['codebook.save'](next);
      await app.reloadCodebook();
      setError(null);
      return null;
    } catch (err) {
      return errorMessage(err);
    }
  };

  const reorder = async (id: string, delta: -1 | 1) => {
    const code = findCode(codebook, id);
    if (!code) return;
    const siblings = childrenOf(codebook, code.parentId ?? null);
    const at = siblings.findIndex((s) => s.id === id) + delta;
    if (at < 0 || at >= siblings.length) return;
    const failed = await save(reorderCode(codebook, id, at));
    if (failed) setError(failed);
    else announce(`${code.name}: ${at + 1} / ${siblings.length}`);
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const parent = selectedId ? (findCode(codebook, selectedId)?.parentId ?? null) : null;
    try {
      const { codebook: next, code } = addCode(codebook, { name: newName, parentId: parent }, newCodeId());
      const failed = await save(next);
      if (failed) return setError(failed);
      setNewName('');
      setSelectedId(code.id);
      announce(`${c('addCode')}: ${code.name}`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const merge = async (sourceId: string, targetId: string) => {
    try {
      const r = await api['codebook.mergeCodes']({ sourceId, targetId });
      await app.reloadCodebook();
      await reloadUsage();
      setSelectedId(targetId);
      setError(null);
      notifyAnnotationsChanged();
      announce(`${c('merge')}: ${r.affected} ${c('annotationsWord')}`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const remove = async (id: string, choice: DeleteChoice) => {
    try {
      const r = await api['codebook.deleteCode']({ id, ...choice });
      await app.reloadCodebook();
      await reloadUsage();
      setDeleting(null);
      setDeleteError(null);
      setSelectedId(r.codebook.codes[0]?.id ?? null);
      if (r.affected > 0) notifyAnnotationsChanged();
      announce(`${c('confirmDelete')}: ${r.removed.length}`);
    } catch (err) {
      setDeleteError(errorMessage(err));
    }
  };

  const selected = selectedId ? findCode(codebook, selectedId) : undefined;
  const deletingCode = deleting ? findCode(codebook, deleting) : undefined;

  return (
    <div className="cb-codes">
      <div className="cb-side">
        <form className="cb-add" onSubmit={(e) => void add(e)}>
          <label>
            {c('newCodeName')}
            <input
              value={newName}
              onChange={(e) => setNewName(e.target.value)}
              maxLength={200}
              data-testid="new-code-name"
            />
          </label>
          <button type="submit" disabled={newName.trim() === ''}>
            {c('addCode')}
          </button>
        </form>
        {error && (
          <p className="cb-error" role="alert">
            {error}
          </p>
        )}
        <CodeTree
          codebook={codebook}
          usage={usage}
          selectedId={selectedId}
          onSelect={setSelectedId}
          onReorder={(id, d) => void reorder(id, d)}
          onDelete={(id) => setDeleting(id)}
        />
        <ExchangeButtons
          onImported={async () => {
            await app.reloadCodebook();
            await reloadUsage();
          }}
        />
      </div>
      <div className="cb-main">
        {selected ? (
          <CodeEditor
            codebook={codebook}
            code={selected}
            usage={usage}
            onSave={save}
            onReorder={(d) => void reorder(selected.id, d)}
            onMerge={(targetId) => merge(selected.id, targetId)}
            onDelete={() => setDeleting(selected.id)}
          />
        ) : (
          <p className="cb-hint">{c('selectCode')}</p>
        )}
      </div>
      {deletingCode && (
        <DeleteCodeDialog
          codebook={codebook}
          code={deletingCode}
          usage={usage}
          error={deleteError}
          onConfirm={(choice) => void remove(deletingCode.id, choice)}
          onClose={() => {
            setDeleting(null);
            setDeleteError(null);
          }}
        />
      )}
    </div>
  );
}
