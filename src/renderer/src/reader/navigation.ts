/** Moving through the annotations and moving the active one's edges: the session and the text, no state. */
import type { ClaimField } from '@shared/claims/fields';
import type { CoderNaming } from '@shared/coders/naming';
import { filterAnnotations, type PanelFilter } from './AnnotationPanel';
import type { AnnotationSession } from './session/AnnotationSession';
import { moveEdge, type Edge } from './spanEdges';
import type { TextModel } from './textModel';

/** Make the next (or previous) annotation the panel lists active, wrapping round; show it. */
export function stepActive(
  session: AnnotationSession,
  filter: PanelFilter,
  delta: 1 | -1,
  reveal: (start: number, end: number) => void,
  fields: readonly ClaimField[] = [],
  naming?: CoderNaming,
): void {
  const { annotations, activeId } = session.getSnapshot();
  const list = filterAnnotations(annotations, filter, fields, naming);
  if (list.length === 0) return;
  const at = list.findIndex((a) => a.id === activeId);
  const next = list[at === -1 ? (delta === 1 ? 0 : list.length - 1) : (at + delta + list.length) % list.length];
  if (!next) return;
  session.setActive(next.id);
  reveal(next.start, next.end);
}

/** Shift+Alt+arrows (the end) and Ctrl+Shift+Alt+arrows (the start): a word on screen. */
export function moveActiveEdge(
  session: AnnotationSession,
  model: TextModel | null,
  edge: Edge,
  by: 1 | -1,
  onRefused: () => void,
): void {
  const a = session.getSnapshot().active;
  if (!a || !model) return;
  const span = { start: model.map.toUtf16(a.start), end: model.map.toUtf16(a.end) };
  const moved = moveEdge(model.text, span, edge, by);
  if (!moved) onRefused();
  else void session.moveSpan(a, { start: model.map.toCp(moved.start), end: model.map.toCp(moved.end) });
}
