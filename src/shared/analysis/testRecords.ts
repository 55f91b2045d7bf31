/** Claim records for tests: a claim in one line. Not used by the app. */
import type { ActorRef, ClaimRecord } from './records';

export function actor(name: string, extra: Partial<ActorRef> = {}): ActorRef {
  return { id: name, name, ...extra };
}

let next = 0;

export function claim(
  claimant: string | ActorRef | null,
  codes: string[],
  position: number | null,
  extra: Partial<ClaimRecord> = {},
): ClaimRecord {
  next++;
  return {
    annotationId: `a${next}`,
    documentId: 'd1',
    title: 'An article',
    source: 'Al-Wasat',
    documentDate: '2019-05-01',
    claimDate: '2019-05-01',
    quote: `quote ${next}`,
    start: 0,
    end: 5,
    codes,
    claimant: typeof claimant === 'string' ? actor(claimant) : claimant,
    addressee: null,
    objectActor: null,
    position,
    stance: position === 1 ? 'supports' : position === -1 ? 'rejects' : position === 0 ? 'reports' : '',
    certainty: '',
    form: '',
    note: '',
    coder: 'coder1',
    coderKey: 'coder1',
    annotator: 'coder1',
    adjudicated: false,
    missing: [],
    ...extra,
  };
}
