/** A claim field's or a choice item's name in the interface language (the English one when it has no Arabic). */
import type { ChoiceItem, ClaimField } from './fields';

type Lang = 'en' | 'ar';

export const fieldLabel = (f: Pick<ClaimField, 'label' | 'labelAr'>, lang: Lang): string =>
  lang === 'ar' && f.labelAr ? f.labelAr : f.label;

export const itemLabel = (c: Pick<ChoiceItem, 'name' | 'nameAr'>, lang: Lang): string =>
  lang === 'ar' && c.nameAr ? c.nameAr : c.name;
