/**
 * The political-claims template (Koopmans & Statham 1999; the Europub codebook): who claims,
 * to whom, for or against whom, in what form, with what position and certainty, when, where and
 * on what grounds. The default field list of a new project, and offered to an existing one
 * (addTemplateFields). Every list is editable; the ids stay when a name is changed.
 *
 * The position and certainty items are today's stance and certainty values, with their Arabic
 * names, so a migrated project exports the same words (migrateV2.ts).
 */
import { DEFAULT_VALUE_NAMES_AR } from '../codebook/valueNames';
import type { ChoiceItem, ClaimField } from './fields';

/** Format 2's default stance and certainty lists, in their order: the Position and Certainty items. */
export const DEFAULT_STANCES = ['proposes', 'supports', 'rejects', 'conditions', 'reports', 'denies'];
export const DEFAULT_CERTAINTIES = ['asserted', 'alleged', 'reported'];

/** The position of each default stance, for analysis: +1 for, −1 against, 0 neither. */
export const POSITION_VALUES: Readonly<Record<string, number>> = Object.freeze({
  proposes: 1,
  supports: 1,
  rejects: -1,
  denies: -1,
  conditions: 0,
  reports: 0,
});

const item = (id: string, name: string, nameAr: string, value: number | null = null): ChoiceItem => ({
  id,
  name,
  nameAr,
  value,
});

/** Europub's forms of a claim, narrowed to what news on a conflict reports. */
export const FORM_ITEMS: readonly ChoiceItem[] = [
  item('statement', 'statement', 'تصريح'),
  item('interview', 'interview', 'مقابلة'),
  item('press-conference', 'press conference', 'مؤتمر صحفي'),
  item('communique', 'written statement', 'بيان'),
  item('meeting', 'meeting or talks', 'اجتماع أو محادثات'),
  item('decision', 'political decision', 'قرار سياسي'),
  item('agreement', 'agreement', 'اتفاق'),
  item('judicial-action', 'judicial action', 'إجراء قضائي'),
  item('protest', 'protest', 'احتجاج'),
  item('military-action', 'military action', 'عمل عسكري'),
  item('other', 'other', 'أخرى'),
];

/** Grounds a claimant gives (Europub's justifications); several may apply. */
export const JUSTIFICATION_ITEMS: readonly ChoiceItem[] = [
  item('security', 'security', 'الأمن'),
  item('humanitarian', 'humanitarian', 'اعتبارات إنسانية'),
  item('international-law', 'international law', 'القانون الدولي'),
  item('sovereignty', 'sovereignty', 'السيادة'),
  item('legitimacy', 'democratic legitimacy', 'الشرعية الديمقراطية'),
  item('stability', 'stability', 'الاستقرار'),
  item('counter-terrorism', 'counter-terrorism', 'مكافحة الإرهاب'),
  item('economic', 'economic interest', 'مصالح اقتصادية'),
  item('other', 'other', 'أخرى'),
];

export function positionItems(): ChoiceItem[] {
  return DEFAULT_STANCES.map((s) =>
    item(s, s, DEFAULT_VALUE_NAMES_AR.stances.get(s) ?? '', POSITION_VALUES[s] ?? null),
  );
}

export function certaintyItems(): ChoiceItem[] {
  return DEFAULT_CERTAINTIES.map((c) => item(c, c, DEFAULT_VALUE_NAMES_AR.certainties.get(c) ?? ''));
}

const field = (f: Pick<ClaimField, 'key' | 'label' | 'labelAr' | 'type'> & Partial<ClaimField>): ClaimField => ({
  description: '',
  required: false,
  codes: null,
  choices: [],
  ...f,
});

export function politicalClaimsTemplate(): ClaimField[] {
  return [
    field({
      key: 'claimant',
      label: 'Claimant',
      labelAr: 'صاحب الادعاء',
      type: 'actor',
      required: true,
      description: 'The actor who makes the claim (who speaks or acts).',
    }),
    field({
      key: 'addressee',
      label: 'Addressee',
      labelAr: 'الجهة المخاطَبة',
      type: 'actor',
      description: 'The actor the claim is addressed to: who is asked to act or is held responsible.',
    }),
    field({
      key: 'object_actor',
      label: 'Object actor',
      labelAr: 'الطرف المعني',
      type: 'actor',
      description: 'The actor whose interests the claim is for or against.',
    }),
    field({
      key: 'form',
      label: 'Form',
      labelAr: 'الشكل',
      type: 'choice',
      choices: FORM_ITEMS.map((i) => ({ ...i })),
      description: 'How the claim is made: a statement, an interview, a decision, a military action, …',
    }),
    field({
      key: 'position',
      label: 'Position',
      labelAr: 'الموقف',
      type: 'choice',
      choices: positionItems(),
      description:
        'The claimant’s position on the issue (the code). Each position carries a value for analysis: +1 for, −1 against, 0 neither.',
    }),
    field({
      key: 'certainty',
      label: 'Certainty',
      labelAr: 'درجة اليقين',
      type: 'choice',
      choices: certaintyItems(),
      description: 'How the article presents the claim: asserted by the claimant, alleged, or reported by others.',
    }),
    field({
      key: 'claim_date',
      label: 'Claim date',
      labelAr: 'تاريخ الادعاء',
      type: 'date',
      description: 'When the claim was made (the editor starts from the document’s date).',
    }),
    field({ key: 'place', label: 'Place', labelAr: 'المكان', type: 'place', description: 'Where the claim was made.' }),
    field({
      key: 'justification',
      label: 'Justification',
      labelAr: 'المبرر',
      type: 'choices',
      choices: JUSTIFICATION_ITEMS.map((i) => ({ ...i })),
      description: 'The grounds the claimant gives; several may apply.',
    }),
    field({
      key: 'note',
      label: 'Note',
      labelAr: 'ملاحظة',
      type: 'longText',
      description: 'Anything else worth recording.',
    }),
  ];
}

/** Offer the template to a project that has fields: append the template's fields whose keys it lacks. */
export function addTemplateFields(fields: readonly ClaimField[]): ClaimField[] {
  const have = new Set(fields.map((f) => f.key));
  return [...fields, ...politicalClaimsTemplate().filter((f) => !have.has(f.key))];
}
