/** The codebook editor: the tree on one side, the selected code's editor on the other. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Codebook } from '@shared/model';
import { addCode, reorderCode } from '@shared/codebook/ops';
import { childrenOf, findCode } from '@shared/codebook/tree';
import { api, errorMessage } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { CodeEditor } from './CodeEditor';
import { CodeTree } from './CodeTree';
import { DeleteCodeDialog, type DeleteChoice } from './DeleteCodeDialog';
import { newCodeId, announceCodebookWideChange, offerUndoStep } from './events';
import { mergeStep, type MergeStep } from './mergeSteps';
import { ExchangeButtons } from './ExchangeButtons';
import { useCodebookStrings } from './strings';
import { ConfirmMerge, UndoNotice } from './MergeConfirm';
import { fill, useMergeStrings } from './mergeStrings';
import { codeLabel, useI18n } from '../../i18n';
import { noProto } from './noProto';

export function CodesTab({ announce }: { announce: (message: string) => void }) {
  const app = useApp();
  const c = useCodebookStrings();
  const { lang } = useI18n();
  const m = useMergeStrings();
  /** a merge waiting for confirmation, and the last one done (it can be undone) */
  const [confirming, setConfirming] = useState<{ sourceId: string; targetId: string } | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [lastMerge, setLastMerge] = useState<{
    step: MergeStep;
    sourceId: string;
    affected: number;
    message: string;
  } | null>(null);
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
      announce(`${c.addCode}: ${code.name}`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const merge = async (sourceId: string, targetId: string) => {
    const names = { source: label(sourceId), target: label(targetId) };
    try {
      const r = await api['codebook.mergeCodes']({ sourceId, targetId });
      await app.reloadCodebook();
      await reloadUsage();
      setSelectedId(targetId);
      setError(null);
      setConfirming(null);
      setConfirmError(null);
      announceCodebookWideChange();
      const message = fill(m.mergedCodes, { ...names, n: r.affected });
      // undone from the notice below or with Ctrl/Cmd+Z in the reader, whichever comes first
      const step = mergeStep(
        'merge',
        [r.undoId],
        async () => [(await api['codebook.mergeCodes']({ sourceId, targetId })).undoId],
        async () => {
          await app.reloadCodebook();
          await reloadUsage();
        },
      );
      offerUndoStep(step);
      setLastMerge({ step, sourceId, affected: r.affected, message });
      announce(message);
    } catch (err) {
      setConfirmError(errorMessage(err));
    }
  };

  const undoMerge = async (last: { step: MergeStep; sourceId: string; affected: number }): Promise<string | null> => {
    try {
      await last.step.undo();
      setSelectedId(last.sourceId);
      setLastMerge(null);
      announce(fill(m.undone, { n: last.affected }));
      return null;
    } catch (err) {
      return errorMessage(err);
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
      if (r.affected > 0) announceCodebookWideChange();
      announce(`${c.confirmDelete}: ${r.removed.length}`);
    } catch (err) {
      setDeleteError(errorMessage(err));
    }
  };

  function label(id: string): string {
    const code = findCode(codebook, id);
    return code ? codeLabel(code, lang) : id;
  }

  const selected = selectedId ? findCode(codebook, selectedId) : undefined;
  const deletingCode = deleting ? findCode(codebook, deleting) : undefined;

  return (
    <div className="cb-codes">
      <div className="cb-side">
        <form className="cb-add" onSubmit={(e) => void add(e)}>
          <label>
            {c.newCodeName}
            <input
              value={newName}
              onChange={(e) => setNewName(e.target.value)}
              maxLength={200}
              data-testid="new-code-name"
            />
          </label>
          <button type="submit" disabled={newName.trim() === ''}>
            {c.addCode}
          </button>
        </form>
        {error && (
          <p className="cb-error" role="alert">
            {error}
          </p>
        )}
        {lastMerge && (
          <UndoNotice
            message={lastMerge.message}
            onUndo={() => undoMerge(lastMerge)}
            onDismiss={() => setLastMerge(null)}
          />
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
            onMerge={async (targetId) => {
              setConfirmError(null);
              setConfirming({ sourceId: selected.id, targetId });
            }}
            onDelete={() => setDeleting(selected.id)}
          />
        ) : (
          <p className="cb-hint">{c.selectCode}</p>
        )}
      </div>
      {confirming && (
        <ConfirmMerge
          title={m.confirmCodeTitle}
          message={fill(m.confirmCode, {
            source: label(confirming.sourceId),
            target: label(confirming.targetId),
            n: Object.hasOwn(usage, confirming.sourceId) ? (usage[confirming.sourceId] ?? 0) : 0,
          })}
          error={confirmError}
          onConfirm={() => void merge(confirming.sourceId, confirming.targetId)}
          onCancel={() => setConfirming(null)}
        />
      )}
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
