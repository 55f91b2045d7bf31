/** The claim editor's words (fields, actors, proposals), in English and Arabic. */
import { defineStrings, type Strings } from '../../i18n';

const en = {
  claimFields: 'Claim',
  incomplete: 'incomplete',
  incompleteTitle: 'A required field is empty',
  required: 'required',
  proposed: 'Proposed:',
  acceptHint: '(Enter to accept)',
  addBefore: 'Add “',
  addActorAfter: '” as a new actor',
  addPlaceAfter: '” as a new place',
  noMatches: 'No actor matches',
  yes: 'Yes',
  clear: 'Clear',
  datePrefilled: 'the article’s date',
  alias: 'alias',
};

const ar = {
  claimFields: 'الادعاء',
  incomplete: 'ناقص',
  incompleteTitle: 'حقل مطلوب فارغ',
  required: 'مطلوب',
  proposed: 'المقترح:',
  acceptHint: '(Enter للقبول)',
  addBefore: 'أضف «',
  addActorAfter: '» فاعلًا جديدًا',
  addPlaceAfter: '» مكانًا جديدًا',
  noMatches: 'لا فاعل يطابق',
  yes: 'نعم',
  clear: 'مسح',
  datePrefilled: 'تاريخ المقال',
  alias: 'اسم آخر',
};

export const useClaimStrings = defineStrings({ en, ar });
export type ClaimStrings = Strings<typeof en>;
