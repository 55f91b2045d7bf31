/**
 * The codebook a new project starts with (DESIGN.md §7). The seven keyed codes take colours of
 * the Okabe–Ito palette (the yellow darkened so it reads on white), the four parents colours of
 * Paul Tol's palette: distinguishable for colour-blind readers, on light and dark grounds. Every
 * example is quoted verbatim from the bundled sample article (a test checks it).
 */
import type { Code, Codebook } from './model';
import { politicalClaimsTemplate } from './claims/template';

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
        color: '#332288',
        description:
          'Claims about stopping the fighting: that a ceasefire is wanted, proposed, refused or conditional. Prefer a sub-code; use this parent code only for a passage about a ceasefire that is neither a proposal nor a condition, such as an actor’s general insistence on obtaining one.',
        example: 'إصرار الرئيس ماكرون على الحصول على وقف إطلاق النار في التصعيد العسكري قرب طرابلس',
      }),
      code({
        id: 'ceasefire-proposal',
        name: 'Ceasefire proposal',
        nameAr: 'اقتراح وقف إطلاق النار',
        color: '#56B4E9',
        key: '1',
        parentId: 'ceasefire',
        description:
          'An actor proposes, calls for or offers a halt to hostilities, with or without terms (a truce, a front line frozen under monitoring, a cessation of hostilities). Code the passage that states the proposal and who makes it, not later commentary on it; terms that another actor demands before accepting are a Ceasefire condition.',
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
          'A precondition an actor sets before accepting or agreeing to a ceasefire: withdrawal of forces, a return to earlier positions, guarantees, or the exclusion of a party. Code the condition itself together with the actor setting it; a plain rejection without a stated condition is coded with the stance “rejects” on a Ceasefire proposal instead.',
        example: 'يشترط قبل وقف إطلاق النار، انسحاب قوات حفتر إلى مواقعها السابقة',
      }),
      code({
        id: 'arms-embargo',
        name: 'Arms embargo',
        nameAr: 'حظر السلاح',
        color: '#882255',
        description:
          'Claims about the UN Security Council arms embargo on Libya (in force since 2011): its violation, the foreign supply of arms and fighters, and calls to enforce it. Prefer a sub-code; use this parent code for a passage about the embargo or arms deliveries that fits none of them.',
        example: 'تسلم الجيش الوطني الليبي الموالي لحفتر مدرعات قادمة من الأردن',
      }),
      code({
        id: 'arms-embargo-violation',
        name: 'Arms-embargo violation',
        nameAr: 'خرق حظر السلاح',
        color: '#D55E00',
        key: '3',
        parentId: 'arms-embargo',
        description:
          'A statement that the embargo is being broken: that weapons, military vehicles or fighters reached a party in breach of it, or that a party or state violates it. Code the claim of violation even when it is reported or alleged (record that with certainty); a delivery described without reference to the embargo is Foreign military support.',
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
          'A foreign state or actor supplies arms, armoured vehicles, equipment, training, funding for fighting or fighters to a party of the conflict. Name the supplier as claimant only when it makes the statement itself; political or diplomatic backing without military means is Political process, not this code.',
        example: 'ووردت أخبار عن تسليم تركيا 30 مدرعة لقوات حكومة الوفاق الوطني',
      }),
      code({
        id: 'embargo-enforcement-call',
        name: 'Call to enforce the embargo',
        nameAr: 'دعوة لتطبيق الحظر',
        color: '#CC79A7',
        key: '5',
        parentId: 'arms-embargo',
        description:
          'An actor demands that the embargo be tightened, respected, monitored or enforced, or calls on the states violating it to stop. Code the demand and its addressees; a mere report that the embargo is violated, with no demand attached, is an Arms-embargo violation.',
        example: 'طالب بتشديد بنود الحظر داعيا الدول التي تنتهكه إلى الالتزام بقرار مجلس الأمن',
      }),
      code({
        id: 'humanitarian',
        name: 'Humanitarian',
        nameAr: 'الوضع الإنساني',
        color: '#44AA99',
        description:
          'Claims about the human cost of the conflict: the dead and wounded, civilians, displacement, and access to aid. Prefer the sub-code for figures of casualties and displaced people; use this parent code for other humanitarian claims, such as conditions in a besieged area or appeals for aid.',
        example: 'بينهم مدنيون، بالإضافة إلى أكثر من 70.000 نازح',
      }),
      code({
        id: 'casualties-displacement',
        name: 'Casualties and displacement',
        nameAr: 'الضحايا والنزوح',
        color: '#009E73',
        key: '6',
        parentId: 'humanitarian',
        description:
          'Numbers or reports of people killed, wounded or displaced by the fighting, whoever gives them. Code the whole figure with the event it is attributed to, so that differing counts from different sources can be compared; record the source as claimant when the text names one.',
        example: 'أسفرت الاشتباكات مع جيش حكومة الوفاق الوطني عن حوالي 510 قتلى و2467 جريح',
      }),
      code({
        id: 'politics',
        name: 'Politics',
        nameAr: 'السياسة',
        color: '#999999',
        description:
          'Claims about the political track of the conflict: who recognises whom as an interlocutor, support for the institutions, and positions on negotiation. Prefer the sub-code for the UN-led process and negotiations; use this parent code for other political positions, such as refusing to deal with a leader.',
        example: 'لم يعد يعتبر المشير حفتر ولا رئيس مجلس النواب، عقيله صالح، محاورين',
      }),
      code({
        id: 'political-process',
        name: 'Political process',
        nameAr: 'العملية السياسية',
        color: '#B8A400',
        key: '7',
        parentId: 'politics',
        description:
          'Negotiations, mediation and the UN-led political process: calls to resume or reform it, support for the UN envoy, and statements that there is no military solution or that the fighting undermines the process. Code the statement and the actor making it; a ceasefire offer made as part of talks is a Ceasefire proposal.',
        example: 'ضرورة استئناف العملية السياسية والمفاوضات، مؤكدين أن لا حل عسكريا للأزمة',
      }),
    ],
    fields: politicalClaimsTemplate(),
  };
}
