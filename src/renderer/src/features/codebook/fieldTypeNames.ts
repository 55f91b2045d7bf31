/** The names of the claim field types in the Fields tab, in English and Arabic. */
import type { FieldType } from '@shared/claims/fields';
import type { Lang } from '../../i18n';

const NAMES: Record<Lang, Record<FieldType, string>> = {
  en: {
    actor: 'actor',
    place: 'place',
    choice: 'choice (one)',
    choices: 'choices (several)',
    text: 'text (one line)',
    longText: 'long text',
    number: 'number',
    date: 'date',
    boolean: 'yes / no',
  },
  ar: {
    actor: 'فاعل',
    place: 'مكان',
    choice: 'خيار (واحد)',
    choices: 'خيارات (عدة)',
    text: 'نص (سطر واحد)',
    longText: 'نص طويل',
    number: 'رقم',
    date: 'تاريخ',
    boolean: 'نعم / لا',
  },
};

export const fieldTypeName = (type: FieldType, lang: Lang): string => NAMES[lang][type];
