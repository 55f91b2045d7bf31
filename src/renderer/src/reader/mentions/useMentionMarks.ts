/**
 * The reader's mention marks: on (the default) or off, remembered in this browser's storage like
 * the panel's width. When on, the open document's mentions are found in idle time (never in the
 * tag's task) and marked; again when the registry's names change or another document opens. Off
 * costs nothing: no scan, no highlight, no listener.
 */
import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { Registry } from '@shared/claims/registry';
import type { TextModel } from '../textModel';
import { mentionsWhenIdle } from './documentMentions';
import { clearMentions, mentionsPaintedIn, paintMentions } from './mentionPainter';

const KEY = 'hashiya.mentionMarks';

function stored(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

/** The switch, remembered: [on, set]. */
export function useMentionMarksSwitch(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(stored);
  const set = useCallback((next: boolean) => {
    setOn(next);
    try {
      localStorage.setItem(KEY, next ? 'on' : 'off');
    } catch {
      // storage refused (private window): the switch still works for this window
    }
  }, []);
  return [on, set];
}

export function useMentionMarks(
  on: boolean,
  model: TextModel | null,
  article: RefObject<HTMLElement | null>,
  registry: Registry,
): void {
  const entities = registry.entities;
  useEffect(() => {
    const el = article.current;
    if (!on || !model || !el) return clearMentions();
    // another document: its marks go at once; the same one keeps them until the new ones are found
    if (!mentionsPaintedIn(model, el)) clearMentions();
    return mentionsWhenIdle(entities, model.text, (mentions) => {
      if (el.isConnected) paintMentions(model, el, mentions);
    });
  }, [on, model, article, entities]);
  useEffect(() => clearMentions, []);
}
