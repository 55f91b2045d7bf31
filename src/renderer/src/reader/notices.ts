/** The session's notices in words, in the interface language (for the live region). */
import type { Code } from '@shared/model';
import { codeLabel, type AppStrings, type Lang } from '../i18n';
import type { SessionNotice } from './session/types';
import type { ReaderStrings } from './strings';

export function noticeText(
  n: SessionNotice,
  words: AppStrings,
  rs: ReaderStrings,
  codes: readonly Code[],
  lang: Lang,
): string {
  switch (n.kind) {
    case 'created': {
      const names = n.codes
        .map((id) => codes.find((c) => c.id === id))
        .filter((c): c is Code => !!c)
        .map((c) => codeLabel(c, lang));
      return `${words.created}: ${names.join(', ')} — ${n.quote}${n.count > 1 ? ` (+${n.count - 1})` : ''}`;
    }
    case 'updated':
      return words.updated;
    case 'deleted':
      return `${words.deleted}: ${n.quote}`;
    case 'spanMoved':
      return `${rs.spanMoved}: ${n.quote}`;
    case 'spanRefused':
      return rs.spanRefused;
    case 'undone':
      return words.undo;
    case 'redone':
      return words.redo;
    case 'selectFirst':
      return words.selectFirst;
    case 'reconciled':
      return rs.reconciled;
  }
}
