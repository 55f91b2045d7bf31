/**
 * The reader's layout and wiring: the session (session/) holds the state, pure helpers (dom/)
 * read the selection and the pointer, the command table (commands.ts) routes keys and menu commands.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Annotation, AnnotationFields } from '@shared/model';
import { useApp } from '../app/AppContext';
import { BlindBadge } from '../app/BlindBadge';
import { useAppEvent } from '../app/appEvents';
import { useAppStrings } from '../i18n';
import { AnnotationEditor } from './AnnotationEditor';
import { AnnotationPanel, type PanelFilter } from './AnnotationPanel';
import { useCoderNaming } from './useCoderNaming';
import { ArticleText } from './ArticleText';
import { CodePalette } from './CodePalette';
import { annotationsAt } from './dom/hitTest';
import { revealSpan } from './dom/reveal';
import type { Span } from './dom/selection';
import { installHighlightStyles, paintAnnotations } from './highlights';
import { HoverLayer } from './HoverCard';
import { KeysDialog } from './KeysDialog';
import { NameDialog } from './NameDialog';
import { placePalette, type PalettePlace } from './palettePlace';
import { PanelSplitter, useSidePanelWidth } from './PanelSplitter';
import { useSavedCheck } from './pendingSaves';
import { ReaderContext, useSessionSnapshot, type ReaderDoor } from './ReaderContext';
import { ReaderToolbar } from './ReaderToolbar';
import { SelectionKeys } from './SelectionKeys';
import { useReaderStrings } from './strings';
import { buildTextModel } from './textModel';
import { useAnnotationSession } from './useAnnotationSession';
import { useHover } from './useHover';
import { useReaderDocument } from './useReaderDocument';
import { useReaderActions } from './useReaderActions';
import { useReaderKeys } from './useReaderKeys';
import { useKeyHelpStrings } from './cursor/keyHelpStrings';
import { useReadingCaret } from './cursor/useReadingCaret';
import { onUndoStepOffered } from '../app/undoOffers';
import { useMentionMarks, useMentionMarksSwitch } from './mentions/useMentionMarks';

interface Props {
  documentId: string;
  focus?: Span | undefined;
  /** shown above the article, inside the reader's context (App.tsx passes the search feature's) */
  findBar?: React.ReactNode;
}

// memo: the status line changing (saving, saved) does not render the reader again
export const ReaderView = memo(function ReaderView({ documentId, focus, findBar }: Props) {
  const app = useApp();
  const words = useAppStrings();
  const rs = useReaderStrings();
  const kh = useKeyHelpStrings();
  const codes = app.codebook.codes;
  const { session, askName, announcement, announce } = useAnnotationSession(documentId);
  const snap = useSessionSnapshot(session);
  const { annotations, active, activeId, pendingIds } = snap;
  const { doc, error } = useReaderDocument(session);
  const model = useMemo(() => (doc ? buildTextModel(doc.text) : null), [doc]);
  useEffect(() => void (model && session.setText((s, e) => model.map.slice(s, e))), [session, model]);
  const [filter, setFilter] = useState<PanelFilter>({ code: '', coder: '' });
  const naming = useCoderNaming();
  const [sideWidth, setSideWidth] = useSidePanelWidth();
  const [palette, setPaletteOpen] = useState<false | PalettePlace>(false);
  // the selection is lost when the palette's search field takes focus: keep it
  const paletteSpan = useRef<Span | null>(null);
  const articleRef = useRef<HTMLElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const rtl = doc?.direction === 'rtl';
  const [mentionMarks, setMentionMarks] = useMentionMarksSwitch();
  useMentionMarks(mentionMarks, model, articleRef, app.registry);
  useSavedCheck(session, snap.waitingForSave);
  useEffect(() => installHighlightStyles(codes), [codes]);
  // painted straight from the session, in the task that changed it (a key press): the frame after
  // it shows the tag, while the panel, counts and editor render after that frame (a transition)
  useLayoutEffect(() => {
    const article = articleRef.current;
    if (!model || !article) return;
    const paint = () => {
      const s = session.getSnapshot();
      paintAnnotations(model, article, s.annotations, codes, s.activeId, s.pendingIds);
    };
    paint();
    return session.subscribe(paint);
  }, [session, model, codes, doc]);
  const reveal = useCallback(
    (start: number, end: number) => {
      const article = articleRef.current;
      const scroller = scrollRef.current;
      if (model && article && scroller) revealSpan(model, article, scroller, start, end);
    },
    [model],
  );
  useEffect(() => {
    if (doc && focus) requestAnimationFrame(() => reveal(focus.start, focus.end));
  }, [doc, focus, reveal]);

  // changes made elsewhere (a merge, imported annotations) are read again; this reader's own echo is not
  useAppEvent('annotations.changed', ({ documentIds, changes }) => {
    if (!documentIds || documentIds.includes(documentId)) void session.changedElsewhere(changes).catch(() => null);
  });
  // a merge in the codebook window: Ctrl/Cmd+Z here undoes it too
  useEffect(() => onUndoStepOffered((step) => session.pushUndo(step)), [session]);

  const caret = useReadingCaret(articleRef, model, announce, kh.selected);
  const openPalette = () => {
    paletteSpan.current = actions.currentSpan();
    setPaletteOpen(placePalette());
  };
  const actions = useReaderActions({
    ...{ session, model, caret, activeId, rtl, filter, reveal, announce, openPalette, words: rs },
    fields: app.codebook.fields,
    naming,
    article: () => articleRef.current,
    snapToWords: app.settings.snapToWords,
  });
  const { applyCode, step } = actions;
  useReaderKeys(
    {
      paused: !!palette || !!askName || actions.help,
      // the session's, not this render's: the view may not have rendered the last tag yet
      get active() {
        return session.getSnapshot().activeId !== null;
      },
      rtl,
      codes,
    },
    actions.handlers,
  );

  const { hover, onMouseMove, onMouseLeave, onScroll } = useHover(model, articleRef, session);

  // the same functions while the active annotation is the same object, so the memoised editor
  // and panel render only for what they show
  const editActive = useCallback(
    (patch: Partial<AnnotationFields>) => void (active && session.edit(active, patch)),
    [session, active],
  );
  const deleteActive = useCallback(() => void (active && session.remove(active)), [session, active]);
  const closeEditor = useCallback(() => session.setActive(null), [session]);
  const selectInPanel = useCallback(
    (a: Annotation) => {
      session.setActive(a.id);
      reveal(a.start, a.end);
    },
    [session, reveal],
  );
  const latestStep = useRef(step);
  latestStep.current = step;
  const stepInPanel = useCallback((delta: 1 | -1) => latestStep.current(delta), []);

  const door: ReaderDoor | null = useMemo(
    () =>
      doc && model ? { session, document: doc, model, article: () => articleRef.current, reveal, announce } : null,
    [session, doc, model, reveal, announce],
  );

  if (error) {
    return (
      <main className="reader">
        <p role="alert" className="error">
          {error}
        </p>
        <button type="button" onClick={app.goToLibrary}>
          {words.backToLibrary}
        </button>
      </main>
    );
  }
  if (!doc || !model || !door) return <main className="reader">{words.loading}</main>;

  return (
    <ReaderContext.Provider value={door}>
      <main
        className="reader"
        aria-labelledby="doc-title"
        style={{ '--side-width': `${sideWidth}px` } as React.CSSProperties}
      >
        <div className="reader-main">
          {findBar}
          <ReaderToolbar
            canUndo={snap.canUndo}
            canRedo={snap.canRedo}
            onUndo={() => void session.undo()}
            onRedo={() => void session.redo()}
            onPalette={openPalette}
            mentionMarks={mentionMarks}
            onMentionMarks={setMentionMarks}
          />
          <div className="reader-scroll" ref={scrollRef} onScroll={onScroll}>
            <BlindBadge />
            <h1 id="doc-title" dir="auto" lang={doc.language} className="doc-title">
              {doc.title}
            </h1>
            {(doc.source || doc.publishedAt) && (
              <p className="doc-meta" dir="auto">
                {[doc.source, doc.publishedAt].filter(Boolean).join(' · ')}
              </p>
            )}
            <article
              ref={articleRef}
              className="article-text"
              aria-labelledby="doc-title"
              dir={doc.direction}
              lang={doc.language}
              style={{ fontSize: `${app.settings.textSize}px` }}
              data-testid="article"
              onMouseMove={onMouseMove}
              onMouseLeave={onMouseLeave}
              onClick={(e) => {
                const article = articleRef.current;
                if (!window.getSelection()?.isCollapsed || !article) return;
                const hit = annotationsAt(model, article, session.getSnapshot().annotations, e.clientX, e.clientY)[0];
                session.setActive(hit ? hit.id : null);
              }}
            >
              <ArticleText paragraphs={model.paragraphs} direction={doc.direction} language={doc.language} />
            </article>
          </div>
          <HoverLayer store={hover} codes={codes} />
        </div>
        {!palette && !askName && (
          <SelectionKeys
            codes={codes}
            article={() => articleRef.current}
            onChoose={(c) => applyCode(c)}
            onMore={openPalette}
          />
        )}
        <aside className="reader-side" aria-label={words.annotationsPanel}>
          {active && (
            <AnnotationEditor
              annotation={active}
              codebook={app.codebook}
              registry={app.registry}
              documentText={doc?.text ?? ''}
              documentDate={doc?.publishedAt ?? null}
              onChange={editActive}
              onDelete={deleteActive}
              onClose={closeEditor}
              onEscape={caret.restore}
              focusHandle={actions.editorFocus}
            />
          )}
          <AnnotationPanel
            annotations={annotations}
            counts={snap.codeCounts}
            codes={codes}
            activeId={activeId}
            pendingIds={pendingIds}
            filter={filter}
            onFilter={setFilter}
            naming={naming}
            onSelect={selectInPanel}
            onStep={stepInPanel}
          />
        </aside>
        {/* after the panel in the DOM, so Tab goes from the article straight to the editor; placed between them by the grid */}
        <PanelSplitter width={sideWidth} onWidth={setSideWidth} />
        <div className="sr-only" aria-live="polite" data-testid="live-region">
          {announcement}
        </div>
        {palette && (
          <CodePalette
            codes={codes}
            place={palette}
            passage={
              paletteSpan.current ? model.map.slice(paletteSpan.current.start, paletteSpan.current.end) : active?.quote
            }
            onClose={() => setPaletteOpen(false)}
            onChoose={(c) => {
              setPaletteOpen(false);
              applyCode(c, paletteSpan.current);
            }}
          />
        )}
        {actions.help && <KeysDialog onClose={actions.closeHelp} />}
        {askName && <NameDialog onSave={(name) => askName(name)} onCancel={() => askName(null)} />}
      </main>
    </ReaderContext.Provider>
  );
});
