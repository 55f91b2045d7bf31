import { describe, expect, it } from 'vitest';
import type { ChoiceItem } from '@shared/claims/fields';
import { fromDrafts, moveDraft, newDraft, toDrafts } from './choiceDrafts';

const items: ChoiceItem[] = [
  { id: 'proposes', name: 'proposes', nameAr: 'يقترح', value: 1 },
  { id: 'rejects', name: 'rejects', nameAr: 'يرفض', value: -1 },
  { id: 'reports', name: 'reports', nameAr: 'يروي', value: 0 },
];

describe('choice drafts', () => {
  it('keep every item’s id when items are moved and renamed (a claim keeps its choice)', () => {
    const moved = moveDraft(toDrafts(items), 0, 1);
    const renamed = moved.map((d) => (d.id === 'proposes' ? { ...d, name: 'puts forward' } : d));
    expect(fromDrafts(renamed)).toEqual([
      { id: 'rejects', name: 'rejects', nameAr: 'يرفض', value: -1 },
      { id: 'proposes', name: 'puts forward', nameAr: 'يقترح', value: 1 },
      { id: 'reports', name: 'reports', nameAr: 'يروي', value: 0 },
    ]);
  });

  it('give a new item a fresh id from its name, never one another item has', () => {
    const drafts = [...toDrafts(items), { ...newDraft(), name: 'Rejects!', value: '-١' }, { ...newDraft(), name: '' }];
    const out = fromDrafts([{ ...drafts[0]!, id: 'rejects-x' }, ...drafts.slice(1)]);
    expect(out.map((c) => c.id)).toEqual(['rejects-x', 'rejects', 'reports', 'rejects-2']);
    expect(out[3]?.value).toBe(-1);
  });

  it('leave a list as it is when a move would go past either end', () => {
    const d = toDrafts(items);
    expect(moveDraft(d, 0, -1)).toEqual(d);
    expect(moveDraft(d, 2, 1)).toEqual(d);
  });
});
