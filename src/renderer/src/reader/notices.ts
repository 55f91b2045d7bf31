/** The session's notices in words, in the interface language (for the live region). */
import type { Code } from '@shared/model';
import { codeLabel, type Lang, type Translate } from '../i18n';
import type { SessionNotice } from './session/types';
import type { ReaderStrings } from './strings';

export function noticeText(
  n: SessionNotice,
  t: Translate,
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
      return `${t('created')}: ${names.join(', ')} — ${n.quote}${n.count > 1 ? ` (+${n.count - 1})` : ''}`;
    }
    case 'updated':
      return t('updated');
    case 'deleted':
      return `${t('deleted')}: ${n.quote}`;
    case 'spanMoved':
      return `${rs.spanMoved}: ${n.quote}`;
    case 'spanRefused':
      return rs.spanRefused;
    case 'undone':
      return t('undo');
    case 'redone':
      return t('redo');
    case 'selectFirst':
      return t('selectFirst');
    case 'reconciled':
      return rs.reconciled;
  }
}
