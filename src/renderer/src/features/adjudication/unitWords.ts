/** How a unit of the side-by-side view is put in words: what differs, and how it was settled. */
import { useMemo } from 'react';
import type { DifferenceUnit, Settled } from '@shared/api/adjudication';
import { fieldLabel } from '@shared/claims/labels';
import { useApp } from '../../app/AppContext';
import { useI18n } from '../../i18n';
import { useAdjudicationStrings } from './strings';

export interface UnitWords {
  nameA: string;
  nameB: string;
  /** what differs in a unit, e.g. "other boundaries · other codes" */
  what(u: DifferenceUnit): string;
  status(s: Settled | null): string;
  code(id: string): string;
  field(key: string): string;
}

export function useUnitWords(nameA: string, nameB: string): UnitWords {
  const app = useApp();
  const { lang } = useI18n();
  const w = useAdjudicationStrings();
  return useMemo(() => {
    const codes = new Map(app.codebook.codes.map((c) => [c.id, c]));
    const fields = new Map(app.codebook.fields.map((f) => [f.key, f]));
    const code = (id: string) => {
      const c = codes.get(id);
      if (!c) return id;
      return lang === 'ar' && c.nameAr.trim() !== '' ? c.nameAr : c.name;
    };
    const field = (key: string) => {
      const f = fields.get(key);
      return f ? fieldLabel(f, lang) : key;
    };
    const nameOf = (decision: string) => (decision === 'accept-a' ? nameA : nameB);
    return {
      nameA,
      nameB,
      code,
      field,
      what: (u) =>
        u.differences
          .map((d) =>
            d.kind === 'onlyA'
              ? w.onlyOne(nameA)
              : d.kind === 'onlyB'
                ? w.onlyOne(nameB)
                : d.kind === 'boundaries'
                  ? w.boundaries
                  : d.kind === 'codes'
                    ? w.codes
                    : w.values(field(d.field ?? '')),
          )
          .join(' · '),
      status: (s) => {
        if (!s) return w.undecided;
        if (s.kind === 'noClaim') return w.noClaim(nameOf(s.noClaim.decision));
        const d = s.annotation.adjudication?.decision;
        return d === 'edited' || d === undefined ? w.edited : w.accepted(nameOf(d));
      },
    };
  }, [app.codebook, lang, w, nameA, nameB]);
}
