/**
 * What the reader's keys do that needs the view: tagging the selection (after a keyboard
 * selection the new annotation's editor takes the keyboard), Enter and the cycling key on the annotations at the caret,
 * the palette's remembered passage. The keys themselves are in commands.ts.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { ClaimField } from '@shared/claims/fields';
import type { Code } from '@shared/model';
import type { CoderNaming } from '@shared/coders/naming';
import type { PanelFilter } from './AnnotationPanel';
import type { CommandHandlers } from './commands';
import { annotationsAtCaret, annotationToOpen, cycleAtCaret } from './cursor/caretAnnotations';
import type { FocusHandle } from './cursor/useFocusFirstField';
import type { ReadingCaret } from './cursor/useReadingCaret';
import { selectionSpan, type Span } from './dom/selection';
import { moveActiveEdge, stepActive } from './navigation';
import { renderAfterNextFrame } from './ReaderContext';
import type { AnnotationSession } from './session/AnnotationSession';
import type { TextModel } from './textModel';

interface Deps {
  session: AnnotationSession;
  model: TextModel | null;
  article: () => HTMLElement | null;
  caret: ReadingCaret;
  activeId: string | null;
  snapToWords: boolean;
  rtl: boolean;
  filter: PanelFilter;
  /** the codebook's claim fields (the panel's "incomplete only" filter reads them) */
  fields: readonly ClaimField[];
  /** how the panel groups annotations by coder (its coder filter) */
  naming?: CoderNaming;
  reveal: (start: number, end: number) => void;
  announce: (message: string) => void;
  words: { spanRefused: string; noneAtCaret: string };
  openPalette: () => void;
}

export function useReaderActions(d: Deps) {
  const [help, setHelp] = useState(false);
  const editorFocus: FocusHandle = useRef(null);
  // a tag from a selection or Enter: the editor takes the keyboard once the annotation is active
  const focusOnActive = useRef(false);
  useLayoutEffect(() => {
    if (!d.activeId || !focusOnActive.current) return;
    focusOnActive.current = false;
    editorFocus.current?.();
  }, [d.activeId]);

  /** The current selection inside the article as a snapped code-point span. */
  const currentSpan = (): Span | null => {
    const article = d.article();
    if (!d.model || !article) return null;
    return selectionSpan(d.model, article, window.getSelection(), d.snapToWords, d.rtl);
  };
  /** A code key or palette choice: the selection is read and cleared now, the work is queued. */
  const applyCode = (code: Code, saved?: Span | null) => {
    const span = saved !== undefined ? saved : currentSpan();
    if (span && d.model) {
      // a code key on the selection: its frame shows the highlight first (not the palette's
      // choice, whose closing hands the keyboard on in the same render)
      if (saved === undefined) renderAfterNextFrame();
      window.getSelection()?.removeAllRanges();
      // Esc from the editor comes back with the caret just after what was tagged
      d.caret.remember(d.model.map.toUtf16(span.end));
      // a selection made with the keyboard goes on to the claim fields; after a mouse selection
      // the keyboard stays in the article (n, p, Delete and the code keys act on the new annotation)
      focusOnActive.current = d.caret.byKeys();
    }
    void d.session.applyCode(code.id, span).finally(() => void (focusOnActive.current = false));
  };
  const atCaret = () => {
    const u = d.caret.caret();
    if (u === null || !d.model) return [];
    return annotationsAtCaret(d.session.getSnapshot().annotations, d.model.map.toCp(u));
  };
  // the caret goes along to the annotation stepped to, so Enter, o and Shift+arrows act there
  const step = (delta: 1 | -1) =>
    stepActive(
      d.session,
      d.filter,
      delta,
      (start, end) => {
        d.reveal(start, end);
        if (d.model) d.caret.moveTo(d.model.map.toUtf16(start));
      },
      d.fields,
      d.naming,
    );
  const handlers: CommandHandlers = {
    undo: () => void d.session.undo(),
    redo: () => void d.session.redo(),
    palette: d.openPalette,
    code: applyCode,
    step,
    close: () => d.session.setActive(null),
    delete: () => {
      const a = d.session.getSnapshot().active;
      if (a) void d.session.remove(a);
    },
    edge: (edge, by) => moveActiveEdge(d.session, d.model, edge, by, () => d.announce(d.words.spanRefused)),
    open: () => {
      const { active, activeId } = d.session.getSnapshot();
      const target = annotationToOpen(atCaret(), activeId) ?? active;
      if (!target) return d.announce(d.words.noneAtCaret);
      if (target.id === activeId) return editorFocus.current?.();
      focusOnActive.current = true;
      d.session.setActive(target.id);
    },
    cycle: () => {
      const next = cycleAtCaret(atCaret(), d.session.getSnapshot().activeId);
      if (!next) return d.announce(d.words.noneAtCaret);
      d.session.setActive(next.id);
      d.announce(next.quote);
    },
    help: () => setHelp(true),
  };
  return { handlers, applyCode, currentSpan, step, editorFocus, help, closeHelp: () => setHelp(false) };
}
