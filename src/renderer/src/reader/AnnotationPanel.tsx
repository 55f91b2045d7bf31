import { memo, useEffect, useMemo, useRef } from 'react';
import { useWindowedRows } from '../app/useWindowedRows';
import type { Annotation, Code } from '@shared/model';
import { codeLabel, useI18n, useAppStrings } from '../i18n';
import { CodeCounts } from './CodeCounts';
import { useReaderStrings } from './strings';
import { useApp } from '../app/AppContext';
import { claimantName } from './claims/ClaimFieldsEditor';
import { entitiesOf } from './claims/useRegistry';
import type { ClaimField } from '@shared/claims/fields';
import { isIncomplete } from './incomplete';
import type { CoderNaming } from '@shared/coders/naming';
import { coderOptions, NO_CODERS, onCoderLayer } from './panelCoders';
import './claimFlags.css';

export interface PanelFilter {
  code: string;
  /** '' for every coder, a coder key (panelCoders.ts), or the adjudicated layer */
  coder: string;
  /** only the claims a required field is empty on (incomplete.ts) */
  incompleteOnly?: boolean;
}

export function filterAnnotations(
  annotations: readonly Annotation[],
  filter: PanelFilter,
  fields: readonly ClaimField[] = [],
  naming: CoderNaming = NO_CODERS,
): Annotation[] {
  return annotations.filter(
    (a) =>
      (filter.code === '' || a.codes.includes(filter.code)) &&
      onCoderLayer(a, filter.coder, naming) &&
      (!filter.incompleteOnly || isIncomplete(a, fields)),
  );
}

const ROW_HEIGHT = 96;

const AnnotationItem = memo(function AnnotationItem({
  a,
  active,
  pending,
  incomplete,
  byId,
  lang,
  onSelect,
}: {
  a: Annotation;
  active: boolean;
  pending: boolean;
  incomplete: boolean;
  byId: Map<string, Code>;
  lang: 'en' | 'ar';
  onSelect: (a: Annotation) => void;
}) {
  const rs = useReaderStrings();
  const entities = entitiesOf(useApp().registry);
  const claimant = claimantName(a.values, entities);
  return (
    <li style={{ height: ROW_HEIGHT }}>
      <button
        type="button"
        className={`annotation-item${active ? ' active' : ''}`}
        aria-current={active ? 'true' : undefined}
        data-annotation-id={a.id}
        data-pending={pending ? 'true' : undefined}
        data-incomplete={incomplete ? 'true' : undefined}
        onClick={() => onSelect(a)}
      >
        <span className="item-quote" dir="auto">
          {a.quote.length > 140 ? `${a.quote.slice(0, 140)}…` : a.quote}
        </span>
        <span className="item-codes">
          {a.codes.map((id) => {
            const c = byId.get(id);
            return (
              <span key={id} className="chip" data-code-id={id}>
                <span className="swatch" style={{ backgroundColor: c?.color ?? '#888' }} aria-hidden="true" />
                {c ? codeLabel(c, lang) : id}
              </span>
            );
          })}
          {claimant && (
            <span className="chip claimant">
              <bdi>{claimant}</bdi>
            </span>
          )}
          {incomplete && (
            <span className="chip item-incomplete" title={rs.incompleteTitle}>
              <span aria-hidden="true">⚠ </span>
              {rs.incomplete}
            </span>
          )}
          {pending && (
            <span className="chip item-pending" title={rs.notOnDiskTitle} style={{ borderStyle: 'dashed' }}>
              {rs.notOnDisk}
            </span>
          )}
        </span>
      </button>
    </li>
  );
});

/**
 * The document's annotations in reading order (windowed), with filters and counts per code
 * (the session's, kept per change). Memoised: the reader rendering again for something else (an
 * announcement, the editor) does not render the panel.
 */
export const AnnotationPanel = memo(function AnnotationPanel({
  annotations,
  counts,
  codes,
  activeId,
  pendingIds,
  filter,
  onFilter,
  onSelect,
  onStep,
  naming = NO_CODERS,
}: {
  annotations: readonly Annotation[];
  /** how many annotations carry each code (the session's codeCounts) */
  counts: ReadonlyMap<string, number>;
  codes: readonly Code[];
  activeId: string | null;
  /** annotations kept in memory but not yet on disk */
  pendingIds: ReadonlySet<string>;
  filter: PanelFilter;
  onFilter: (f: PanelFilter) => void;
  onSelect: (a: Annotation) => void;
  onStep: (delta: 1 | -1) => void;
  /** how annotations are grouped by coder and named (useCoderNaming) */
  naming?: CoderNaming;
}) {
  const { lang } = useI18n();
  const words = useAppStrings();
  const rs = useReaderStrings();
  const fields = useApp().codebook.fields;
  const byId = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const coders = useMemo(
    () => coderOptions(annotations, naming, rs.adjudicatedLayer),
    [annotations, naming, rs.adjudicatedLayer],
  );
  const incompleteCount = useMemo(
    () => annotations.reduce((n, a) => n + (isIncomplete(a, fields) ? 1 : 0), 0),
    [annotations, fields],
  );
  const shown = useMemo(
    () => filterAnnotations(annotations, filter, fields, naming),
    [annotations, filter, fields, naming],
  );
  const listRef = useRef<HTMLOListElement>(null);
  const rows = useWindowedRows(listRef, shown.length, ROW_HEIGHT);

  // keep the active annotation in view when it changes (n / p, a click in the text)
  useEffect(() => {
    const list = listRef.current;
    const index = shown.findIndex((a) => a.id === activeId);
    if (!list || index === -1) return;
    const top = index * ROW_HEIGHT;
    if (top < list.scrollTop || top + ROW_HEIGHT > list.scrollTop + list.clientHeight) {
      list.scrollTop = Math.max(0, top - list.clientHeight / 3);
    }
  }, [activeId, shown]);

  return (
    <section className="panel" aria-labelledby="panel-title">
      <div className="panel-head">
        <h2 id="panel-title">
          {words.annotationsPanel}{' '}
          <span className="count" data-testid="annotation-count">
            {shown.length}
          </span>
        </h2>
        <div className="panel-nav">
          <button type="button" onClick={() => onStep(-1)} aria-label={words.previous} title={`${words.previous} (p)`}>
            ↑
          </button>
          <button type="button" onClick={() => onStep(1)} aria-label={words.next} title={`${words.next} (n)`}>
            ↓
          </button>
        </div>
      </div>
      <div className="filters">
        <label>
          {words.filterCode}
          <select
            value={filter.code}
            onChange={(e) => onFilter({ ...filter, code: e.target.value })}
            data-testid="filter-code"
          >
            <option value="">{words.all}</option>
            {codes.map((c) => (
              <option key={c.id} value={c.id}>
                {codeLabel(c, lang)} ({counts.get(c.id) ?? 0})
              </option>
            ))}
          </select>
        </label>
        <label>
          {words.filterAnnotator}
          <select
            value={filter.coder}
            onChange={(e) => onFilter({ ...filter, coder: e.target.value })}
            data-testid="filter-annotator"
          >
            <option value="">{words.all}</option>
            {coders.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
            {filter.coder !== '' && !coders.some((c) => c.value === filter.coder) && (
              <option value={filter.coder}>{naming.nameOf(filter.coder)}</option>
            )}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={filter.incompleteOnly === true}
            onChange={(e) => onFilter({ ...filter, incompleteOnly: e.target.checked })}
            data-testid="filter-incomplete"
          />
          {rs.incompleteOnly(incompleteCount)}
        </label>
      </div>
      <CodeCounts codes={codes} counts={counts} />
      {annotations.length === 0 && <p className="empty">{words.noAnnotations}</p>}
      <ol className="annotation-list" data-testid="annotation-list" ref={listRef} aria-label={words.annotationsPanel}>
        {rows.padBefore > 0 && <li aria-hidden="true" className="spacer" style={{ height: rows.padBefore }} />}
        {shown.slice(rows.start, rows.end).map((a) => (
          <AnnotationItem
            key={a.id}
            a={a}
            active={a.id === activeId}
            pending={pendingIds.has(a.id)}
            incomplete={isIncomplete(a, fields)}
            byId={byId}
            lang={lang}
            onSelect={onSelect}
          />
        ))}
        {rows.padAfter > 0 && <li aria-hidden="true" className="spacer" style={{ height: rows.padAfter }} />}
      </ol>
    </section>
  );
});
