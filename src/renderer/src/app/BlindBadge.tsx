/** The reader's small "Blind" badge: shown while blind coding is on (only my annotations are shown). */
import { defineStrings } from '../i18n';
import { useApp } from './AppContext';
import './blindBadge.css';

const useBadgeStrings = defineStrings({
  en: {
    blind: 'Blind',
    explain: 'Blind coding is on: only your own annotations are shown and counted (exports still hold everyone’s).',
  },
  ar: {
    blind: 'أعمى',
    explain: 'الترميز الأعمى مفعّل: لا تُعرض ولا تُحصى إلا تعليقاتك (وتبقى التصديرات حاوية تعليقات الجميع).',
  },
});

export function BlindBadge() {
  const { settings } = useApp();
  const w = useBadgeStrings();
  if (!settings.blind) return null;
  return (
    <span className="blind-badge" title={w.explain} data-testid="blind-badge">
      {w.blind}
      <span className="sr-only">: {w.explain}</span>
    </span>
  );
}
