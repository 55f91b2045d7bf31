/**
 * The codebook a new project starts with (DESIGN.md §7). Colours come from the Okabe–Ito
 * palette, chosen to stay distinguishable for colour-blind readers, on light and dark grounds.
 */
import type { Code, Codebook } from './model';

export const DEFAULT_STANCES = ['proposes', 'supports', 'rejects', 'conditions', 'reports', 'denies'];
export const DEFAULT_CERTAINTIES = ['asserted', 'alleged', 'reported'];

const code = (c: Partial<Code> & Pick<Code, 'id' | 'name' | 'nameAr' | 'color'>): Code => ({
  description: '',
  example: '',
  key: null,
  parentId: null,
  ...c,
});

export function defaultCodebook(): Codebook {
  return {
    codes: [
      code({
        id: 'ceasefire',
        name: 'Ceasefire',
        nameAr: 'وقف إطلاق النار',
        color: '#0072B2',
        description: 'Claims about stopping the fighting: proposals for a ceasefire and the conditions attached to one.',
      }),
      code({
        id: 'ceasefire-proposal',
        name: 'Ceasefire proposal',
        nameAr: 'اقتراح وقف إطلاق النار',
        color: '#56B4E9',
        key: '1',
        parentId: 'ceasefire',
        description:
          'An actor proposes, calls for or offers a halt to hostilities, with or without terms. Code the passage that states the proposal, not later commentary on it.',
        example: 'اقترح الرئيس ماكرون وقف إطلاق النار دون شرط مع تحديد خط الجبهة تحت رقابة دولية',
      }),
      code({
        id: 'ceasefire-condition',
        name: 'Ceasefire condition',
        nameAr: 'شرط لوقف إطلاق النار',
        color: '#0072B2',
        key: '2',
        parentId: 'ceasefire',
        description:
          'A precondition an actor sets before accepting or agreeing to a ceasefire (withdrawal, return to earlier positions, guarantees).',
        example: 'يشترط قبل وقف إطلاق النار، انسحاب قوات حفتر إلى مواقعها السابقة',
      }),
      code({
        id: 'arms-embargo',
        name: 'Arms embargo',
        nameAr: 'حظر السلاح',
        color: '#D55E00',
        description: 'Claims about the UN arms embargo: its violation, foreign supply of arms and calls to enforce it.',
      }),
      code({
        id: 'arms-embargo-violation',
        name: 'Arms-embargo violation',
        nameAr: 'خرق حظر السلاح',
        color: '#D55E00',
        key: '3',
        parentId: 'arms-embargo',
        description:
          'A statement that weapons, military vehicles or fighters were supplied in breach of the embargo, or that a party violates it.',
        example: 'يخوض المعسكران سباقا نحو التسلح في انتهاك للحظر الذي فرضه مجلس الأمن منذ 2011',
      }),
      code({
        id: 'foreign-military-support',
        name: 'Foreign military support',
        nameAr: 'دعم عسكري أجنبي',
        color: '#E69F00',
        key: '4',
        parentId: 'arms-embargo',
        description:
          'A foreign state or actor supplies arms, equipment, training or fighters to a party of the conflict.',
        example: 'ووردت أخبار عن تسليم تركيا 30 مدرعة لقوات حكومة الوفاق الوطني',
      }),
      code({
        id: 'embargo-enforcement-call',
        name: 'Call to enforce the embargo',
        nameAr: 'دعوة لتطبيق الحظر',
        color: '#CC79A7',
        key: '5',
        parentId: 'arms-embargo',
        description: 'An actor demands that the embargo be tightened, respected or enforced.',
        example: 'طالب بتشديد بنود الحظر داعيا الدول التي تنتهكه إلى الالتزام بقرار مجلس الأمن',
      }),
      code({
        id: 'humanitarian',
        name: 'Humanitarian',
        nameAr: 'الوضع الإنساني',
        color: '#009E73',
        description: 'Claims about the human cost of the conflict.',
      }),
      code({
        id: 'casualties-displacement',
        name: 'Casualties and displacement',
        nameAr: 'الضحايا والنزوح',
        color: '#009E73',
        key: '6',
        parentId: 'humanitarian',
        description: 'Numbers or reports of people killed, wounded or displaced.',
        example: 'أسفرت الاشتباكات مع جيش حكومة الوفاق الوطني عن حوالي 510 قتلى و2467 جريح',
      }),
      code({
        id: 'politics',
        name: 'Politics',
        nameAr: 'السياسة',
        color: '#F0E442',
        description: 'Claims about the political track of the conflict.',
      }),
      code({
        id: 'political-process',
        name: 'Political process',
        nameAr: 'العملية السياسية',
        color: '#B8A400',
        key: '7',
        parentId: 'politics',
        description:
          'Negotiations, mediation, recognition of interlocutors and the UN-led political process: calls to resume it or statements that undermine it.',
        example: 'مؤكدين أن لا حل عسكريا للأزمة',
      }),
    ],
    stances: [...DEFAULT_STANCES],
    certainties: [...DEFAULT_CERTAINTIES],
  };
}
