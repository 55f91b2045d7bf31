/**
 * The top bar's rarer tools (its "More" menu): the menu asks for one by name with openTool, and
 * the feature that owns the tool's dialog opens it (useToolRequest). The dialogs stay mounted
 * where they always were, so a menu that closes never takes a dialog with it.
 */
import { useEffect, useRef } from 'react';

export const TOOLS = ['exchange', 'qdpx', 'coders', 'agreement', 'layers', 'project', 'backups'] as const;
export type Tool = (typeof TOOLS)[number];

const listeners = new Map<Tool, Set<() => void>>();

/** Ask the feature that owns `tool` to open it. */
export function openTool(tool: Tool): void {
  for (const listener of [...(listeners.get(tool) ?? [])]) listener();
}

/** Open my dialog when `tool` is asked for, for the component's lifetime; `fn` may change. */
export function useToolRequest(tool: Tool, fn: () => void): void {
  const latest = useRef(fn);
  useEffect(() => {
    latest.current = fn;
  });
  useEffect(() => {
    const listener = () => latest.current();
    let set = listeners.get(tool);
    if (!set) listeners.set(tool, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }, [tool]);
}
