/**
 * The actor registry: find (the type-ahead's folding), add, edit names, spellings, type,
 * affiliation and colour, edit the type lists of actors and of places (TypesEditor), merge two or more (asked first, then undoable from the notice or with Ctrl/Cmd+Z
 * in the reader), delete (one in use only with someone to give its claims to), and share the
 * list as CSV.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { displayName, type Entity, type EntityKind } from '@shared/claims/registry';
import { buildActorIndex } from '@shared/claims/typeahead';
import { api, errorMessage } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { downloadFile } from '../../app/download';
import { useI18n } from '../../i18n';
import { useActorStrings } from './actorStrings';
import { EntityForm, type EntityDraft } from './EntityForm';
import { announceCodebookWideChange, offerUndoStep } from './events';
import { ConfirmMerge, UndoNotice } from './MergeConfirm';
import { mergeStep, type MergeStep } from './mergeSteps';
import { fill } from './mergeStrings';
import { TypesEditor } from './TypesEditor';

const LIST_LIMIT = 300;

export function ActorsTab({ announce }: { announce: (message: string) => void }) {
  const a = useActorStrings();
  const { lang } = useI18n();
  const app = useApp();
  const registry = app.registry;
  const [uses, setUses] = useState<ReadonlyMap<string, number>>(new Map());
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [keep, setKeep] = useState('');
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; reassignTo: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [lastMerge, setLastMerge] = useState<{ step: MergeStep; message: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [typesOpen, setTypesOpen] = useState(false);

  const reload = useCallback(async () => {
    await app.reloadCodebook();
    const r = await api['registry.uses']({});
    setUses(new Map(r.uses.map((u) => [u.id, u.count])));
  }, [app]);
  useEffect(() => {
    void api['registry.uses']({})
      .then((r) => setUses(new Map(r.uses.map((u) => [u.id, u.count]))))
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [registry]);

  const index = useMemo(() => buildActorIndex(registry.entities), [registry]);
  const byId = useMemo(() => new Map(registry.entities.map((e) => [e.id, e])), [registry]);
  const shown = query.trim()
    ? index.search(query, { limit: LIST_LIMIT }).map((h) => h.entity)
    : registry.entities.slice(0, LIST_LIMIT);
  const typeName = (id: string | null) => {
    const t = id === null ? undefined : registry.types.find((x) => x.id === id);
    return t ? (lang === 'ar' && t.nameAr ? t.nameAr : t.name) : '';
  };
  const count = (id: string) => uses.get(id) ?? 0;
  const run = async (work: () => Promise<void>) => {
    try {
      await work();
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const save = (draft: EntityDraft) =>
    run(async () => {
      if (editing === 'new') await api['registry.add']({ entity: draft });
      else if (editing) {
        const { kind: _kind, ...patch } = draft;
        await api['registry.update']({ id: editing, patch });
      }
      setEditing(null);
      await reload();
    });

  const mergeNow = (fromIds: string[], intoId: string) =>
    run(async () => {
      const r = await api['registry.merge']({ fromIds, intoId });
      setConfirming(false);
      setSelected([]);
      await reload();
      announceCodebookWideChange();
      const target = byId.get(intoId);
      const message = fill(a.merged, { target: target ? displayName(target) : intoId, n: r.moved });
      const step = mergeStep(
        'merge actors',
        [r.undoId],
        async () => [(await api['registry.merge']({ fromIds, intoId })).undoId],
        reload,
      );
      offerUndoStep(step);
      setLastMerge({ step, message });
      announce(message);
    });

  const deleteNow = (id: string, reassignTo: string) =>
    run(async () => {
      const name = byId.get(id);
      await api['registry.delete']({ id, ...(reassignTo ? { reassignTo } : {}) });
      setDeleting(null);
      await reload();
      if (reassignTo) announceCodebookWideChange();
      announce(fill(a.deleted, { name: name ? displayName(name) : id }));
    });

  const importCsv = (file: File) =>
    run(async () => {
      const r = await api['registry.importCsv']({ csv: await file.text() });
      await reload();
      announce(fill(a.imported, { added: r.added, updated: r.updated }));
    });

  const into = keep && selected.includes(keep) ? keep : (selected[0] ?? '');
  const editedEntity = editing && editing !== 'new' ? byId.get(editing) : undefined;
  const deletingEntity = deleting ? byId.get(deleting.id) : undefined;
  const sameKind = (kind: EntityKind, except: string) =>
    registry.entities.filter((e) => e.kind === kind && e.id !== except);

  return (
    <div className="cb-actors">
      {lastMerge && (
        <UndoNotice
          message={lastMerge.message}
          onUndo={async () => {
            try {
              await lastMerge.step.undo();
              setLastMerge(null);
              return null;
            } catch (err) {
              return errorMessage(err);
            }
          }}
          onDismiss={() => setLastMerge(null)}
        />
      )}
      {error && (
        <p className="cb-error" role="alert">
          {error}
        </p>
      )}
      <div className="cb-inline">
        <input
          type="search"
          dir="auto"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-label={a.filterActors}
          placeholder={a.filterActors}
        />
        <button type="button" onClick={() => setEditing('new')}>
          {a.addActor}
        </button>
        <button type="button" aria-expanded={typesOpen} onClick={() => setTypesOpen((o) => !o)}>
          {a.editTypes}
        </button>
        <button
          type="button"
          onClick={() =>
            void run(async () => {
              const r = await api['registry.exportCsv']({});
              downloadFile(r.fileName, r.csv, 'text/csv');
            })
          }
        >
          {a.exportCsv}
        </button>
        <label className="file-button">
          {a.importCsv}
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void importCsv(f);
            }}
          />
        </label>
      </div>
      {typesOpen &&
        (['actor', 'place'] as const).map((kind) => (
          <TypesEditor
            key={kind}
            kind={kind}
            registry={registry}
            onSaved={async (message) => {
              await reload();
              announce(message);
            }}
          />
        ))}
      {editing && (
        <EntityForm
          entity={editedEntity}
          registry={registry}
          onSave={(d) => void save(d)}
          onCancel={() => setEditing(null)}
        />
      )}
      {selected.length >= 2 && (
        <div className="cb-inline" data-testid="merge-bar">
          <span>{fill(a.selected, { n: selected.length })}</span>
          <label>
            {a.keep}{' '}
            <select value={into} onChange={(e) => setKeep(e.target.value)}>
              {selected.map((id) => (
                <option key={id} value={id}>
                  {byId.get(id) ? displayName(byId.get(id) as Entity) : id}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => setConfirming(true)}>
            {a.mergeSelected}
          </button>
        </div>
      )}
      {confirming && (
        <ConfirmMerge
          title={a.confirmMergeTitle}
          message={fill(a.confirmMerge, {
            names: selected
              .filter((id) => id !== into)
              .map((id) => `“${byId.get(id) ? displayName(byId.get(id) as Entity) : id}”`)
              .join(', '),
            target: byId.get(into) ? displayName(byId.get(into) as Entity) : into,
            n: selected.filter((id) => id !== into).reduce((n, id) => n + count(id), 0),
          })}
          onConfirm={() =>
            void mergeNow(
              selected.filter((id) => id !== into),
              into,
            )
          }
          onCancel={() => setConfirming(false)}
        />
      )}
      {deleting && deletingEntity && (
        <form
          className="cb-inline"
          onSubmit={(e) => {
            e.preventDefault();
            void deleteNow(deleting.id, deleting.reassignTo);
          }}
        >
          {count(deleting.id) > 0 && (
            <>
              <span>{fill(a.deleteInUse, { name: displayName(deletingEntity), n: count(deleting.id) })}</span>
              <label>
                {a.reassignTo}{' '}
                <select
                  value={deleting.reassignTo}
                  onChange={(e) => setDeleting({ ...deleting, reassignTo: e.target.value })}
                >
                  <option value="">{a.none}</option>
                  {sameKind(deletingEntity.kind, deletingEntity.id).map((e) => (
                    <option key={e.id} value={e.id}>
                      {displayName(e)}
                    </option>
                  ))}
                </select>
              </label>
            </>
          )}
          <button type="submit" className="danger" disabled={count(deleting.id) > 0 && !deleting.reassignTo}>
            {a.delete} <bdi dir="auto">{displayName(deletingEntity)}</bdi>
          </button>
          <button type="button" onClick={() => setDeleting(null)}>
            {a.cancel}
          </button>
        </form>
      )}
      {registry.entities.length === 0 ? (
        <p className="cb-hint">{a.noActors}</p>
      ) : (
        <table className="cb-actors-table" data-testid="actors-table">
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col">{a.nameAr}</th>
              <th scope="col">{a.type}</th>
              <th scope="col">{a.affiliation}</th>
              <th scope="col" className="num">
                {a.claims}
              </th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => {
              const aff = e.affiliation === null ? undefined : byId.get(e.affiliation);
              return (
                <tr key={e.id} data-entity-id={e.id}>
                  <td>
                    <input
                      type="checkbox"
                      checked={selected.includes(e.id)}
                      aria-label={fill(a.select, { name: displayName(e) })}
                      onChange={() =>
                        setSelected((s) => (s.includes(e.id) ? s.filter((x) => x !== e.id) : [...s, e.id]))
                      }
                    />
                  </td>
                  <th scope="row">
                    {e.color && (
                      <span
                        className="cb-swatch-dot"
                        style={{ background: e.color }}
                        role="img"
                        aria-label={fill(a.colourOf, { name: e.color })}
                      />
                    )}
                    <bdi dir="auto">{displayName(e)}</bdi>
                    {e.nameAr && e.nameLatin && (
                      <span className="muted">
                        {' '}
                        · <bdi dir="auto">{e.nameLatin}</bdi>
                      </span>
                    )}
                  </th>
                  <td>{typeName(e.type) || (e.kind === 'place' ? a.place : '')}</td>
                  <td>{aff ? <bdi dir="auto">{displayName(aff)}</bdi> : ''}</td>
                  <td className="num">{count(e.id)}</td>
                  <td>
                    <button type="button" onClick={() => setEditing(e.id)}>
                      {a.edit}
                    </button>{' '}
                    <button type="button" onClick={() => setDeleting({ id: e.id, reassignTo: '' })}>
                      {a.delete}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
