/** Where the code palette opens: in the half of the window the selection is not in. */
export type PalettePlace = 'top' | 'bottom' | 'center';

export function placePalette(): PalettePlace {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return 'center';
  const rect = sel.getRangeAt(0).getBoundingClientRect();
  if (rect.height === 0 && rect.width === 0) return 'center';
  return (rect.top + rect.bottom) / 2 < window.innerHeight / 2 ? 'bottom' : 'top';
}
