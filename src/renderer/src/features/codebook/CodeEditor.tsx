/**
 * Edit one code: names in both languages, colour, shortcut key (a key another code holds is
 * refused with that code's name), place in the tree, definition and example; reorder, merge
 * into another code, delete.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Code, Codebook } from '@shared/model';
import { describeCode, moveCode, recolourCode, rekeyCode, renameCode } from '@shared/codebook/ops';
import { CODE_COLOURS } from '@shared/codebook/palette';
import { descendantIds, treeRows } from '@shared/codebook/tree';
import { codeLabel, useI18n } from '../../i18n';
import { BilingualName } from '../../app/BilingualName';
import { useCodebookStrings } from './strings';

export interface CodeEditorProps {
  codebook: Codebook;
  code: Code;
  usage: Readonly<Record<string, number>>;
  /** save a changed codebook; resolves to an error sentence, or null when saved */
  onSave: (next: Codebook) => Promise<string | null>;
  onReorder: (delta: -1 | 1) => void;
  onMerge: (targetId: string) => Promise<void>;
  onDelete: () => void;
}

export function CodeEditor({ codebook, code, usage, onSave, onReorder, onMerge, onDelete }: CodeEditorProps) {
  const c = useCodebookStrings();
  const { lang } = useI18n();
  const id = useId();
  const [name, setName] = useState(code.name);
  const [nameAr, setNameAr] = useState(code.nameAr);
  const [colour, setColour] = useState(code.color);
  const [key, setKey] = useState(code.key ?? '');
  const [parentId, setParentId] = useState(code.parentId ?? '');
  const [description, setDescription] = useState(code.description);
  const [example, setExample] = useState(code.example);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [done, setDone] = useState(false);
  const [mergeTarget, setMergeTarget] = useState('');

  useEffect(() => {
    setName(code.name);
    setNameAr(code.nameAr);
    setColour(code.color);
    setKey(code.key ?? '');
    setParentId(code.parentId ?? '');
    setDescription(code.description);
    setExample(code.example);
  }, [code]);
  useEffect(() => {
    setError(null);
    setDone(false);
    setMergeTarget('');
  }, [code.id]);

  const below = descendantIds(codebook, code.id);
  const parents = treeRows(codebook).filter((r) => r.code.id !== code.id && !below.has(r.code.id));
  const others = treeRows(codebook).filter((r) => r.code.id !== code.id);
  const holder = (k: string) => codebook.codes.find((x) => x.key === k && x.id !== code.id);
  const n = usage[code.id] ?? 0;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    let next = codebook;
    let field = 'name';
    try {
      if (name !== code.name || nameAr !== code.nameAr) next = renameCode(next, code.id, { name, nameAr });
      field = 'colour';
      if (colour.toUpperCase() !== code.color.toUpperCase()) next = recolourCode(next, code.id, colour);
      field = 'key';
      if ((key || null) !== code.key) next = rekeyCode(next, code.id, key || null);
      field = 'parent';
      if ((parentId || null) !== (code.parentId ?? null)) next = moveCode(next, code.id, parentId || null);
      field = 'definition';
      if (description !== code.description || example !== code.example)
        next = describeCode(next, code.id, { description, example });
    } catch (err) {
      setError({ field, message: (err as Error).message });
      return;
    }
    const failed = await onSave(next);
    if (failed) setError({ field: 'save', message: failed });
    else {
      setError(null);
      setDone(true);
    }
  };

  const errorFor = (field: string) =>
    error?.field === field ? (
      <p className="cb-error" role="alert" id={`${id}-${field}-error`}>
        {error.message}
      </p>
    ) : null;

  return (
    <form className="cb-editor" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        <span className="swatch" style={{ backgroundColor: code.color }} aria-hidden="true" />{' '}
        <BilingualName name={code.name} nameAr={code.nameAr} />
        <span className="cb-usage-note">{n > 0 ? c.usedBy(n) : c.unused}</span>
      </h3>
      <div className="cb-grid">
        <label>
          {c.name}
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} lang="en" />
        </label>
        <label>
          {c.nameAr}
          <input value={nameAr} onChange={(e) => setNameAr(e.target.value)} maxLength={200} lang="ar" dir="rtl" />
        </label>
      </div>
      {errorFor('name')}
      <fieldset className="cb-colours">
        <legend>{c.colour}</legend>
        <input
          type="color"
          value={colour.toLowerCase()}
          onChange={(e) => setColour(e.target.value.toUpperCase())}
          aria-label={c.colour}
        />
        {CODE_COLOURS.map((col) => (
          <button
            key={col}
            type="button"
            className={`cb-colour${col === colour.toUpperCase() ? ' current' : ''}`}
            style={{ backgroundColor: col }}
            aria-label={col}
            aria-pressed={col === colour.toUpperCase()}
            onClick={() => setColour(col)}
          />
        ))}
      </fieldset>
      {errorFor('colour')}
      <div className="cb-grid">
        <label>
          {c.key}
          <select
            value={key}
            onChange={(e) => setKey(e.target.value)}
            data-testid="code-key"
            aria-describedby={error?.field === 'key' ? `${id}-key-error` : undefined}
          >
            <option value="">{c.noKey}</option>
            {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((k) => {
              const h = holder(k);
              return (
                <option key={k} value={k}>
                  {h ? `${k} — ${codeLabel(h, lang)}` : k}
                </option>
              );
            })}
          </select>
        </label>
        <label>
          {c.parent}
          <select value={parentId} onChange={(e) => setParentId(e.target.value)}>
            <option value="">{c.topLevel}</option>
            {parents.map((r) => (
              <option key={r.code.id} value={r.code.id}>
                {'\u00A0\u00A0'.repeat(r.depth)}
                {codeLabel(r.code, lang)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {errorFor('key')}
      {errorFor('parent')}
      <label>
        {c.definition}
        <textarea
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          rows={4}
          maxLength={5000}
          dir="auto"
        />
      </label>
      <label>
        {c.example}
        <textarea
          value={example}
          onChange={(e) => setExample(e.target.value)}
          rows={2}
          maxLength={2000}
          dir="auto"
          lang="ar"
        />
      </label>
      {errorFor('definition')}
      {errorFor('save')}
      <div className="cb-actions">
        <button type="submit" className="primary">
          {c.save}
        </button>
        <span role="status" className="cb-done">
          {done ? c.saved : ''}
        </span>
        <button type="button" onClick={() => onReorder(-1)}>
          {c.moveUp}
        </button>
        <button type="button" onClick={() => onReorder(1)}>
          {c.moveDown}
        </button>
        <button type="button" className="danger" onClick={onDelete}>
          {c.delete}
        </button>
      </div>
      <fieldset className="cb-merge">
        <legend>{c.mergeInto}</legend>
        <p className="cb-hint">{c.mergeExplain}</p>
        <select
          value={mergeTarget}
          onChange={(e) => setMergeTarget(e.target.value)}
          aria-label={c.mergeInto}
          data-testid="merge-target"
        >
          <option value="">{c.chooseCode}</option>
          {others.map((r) => (
            <option key={r.code.id} value={r.code.id}>
              {'\u00A0\u00A0'.repeat(r.depth)}
              {codeLabel(r.code, lang)}
            </option>
          ))}
        </select>
        <button type="button" disabled={!mergeTarget} onClick={() => void onMerge(mergeTarget)}>
          {c.merge}
          {n > 0 ? ` (${c.annotationsOf(n)})` : ''}
        </button>
      </fieldset>
    </form>
  );
}
