/** The agreement report's words, in English and Arabic (the interface language decides). */
import { counted, countedAfter, defineStrings, plural, type PluralForms } from '../../i18n';

const MATCHED_AR: PluralForms = {
  one: 'ادعاء متطابق واحد',
  two: 'ادعاءان متطابقان',
  few: '# ادعاءات متطابقة',
  many: '# ادعاءً متطابقًا',
  other: '# ادعاء متطابق',
};

const en = {
  button: 'Agreement…',
  title: 'Intercoder agreement',
  hint: 'How far two or more coders agree: on where the units of each code lie (αU, |uα, cuα) and on the fields of the claims they both marked (α with its 95% interval, κ, % agreement).',
  documents: 'Documents',
  allDocuments: 'All documents',
  chosenDocuments: 'Chosen documents',
  chooseDocument: 'Choose at least one document.',
  coders: 'Coders',
  noCoders: 'No annotation in the project has a coder name yet. Set “Annotator” before tagging.',
  chooseTwoCoders: 'Choose at least two coders.',
  annotationsOf: (n: number) => counted('en', n, 'annotations', String(n)),
  codes: 'Codes',
  chooseCode: 'Choose at least one code.',
  overlap: 'Least overlap for two coders’ claims to match (intersection / union)',
  compute: 'Compute',
  computing: 'Computing…',
  close: 'Close',
  exportCsv: 'Export CSV',
  summary: (coders: string, docs: number, matched: number, unmatched: number) =>
    `${coders} · ${counted('en', docs, 'documents', String(docs))} · ${plural('en', matched, { one: '# matched claim', other: '# matched claims' }, String(matched))} · ${unmatched} unmatched`,
  perCode: 'Units per code',
  code: 'Code',
  allCodes: 'All chosen codes',
  alphaU: 'αU',
  boundaryAlpha: '|uα (boundaries)',
  cuAlpha: 'cuα (codes given units)',
  units: 'Units',
  perField: 'Claim fields (matched claims)',
  field: 'Field',
  alpha: 'α',
  interval: '95% interval',
  cohen: 'Cohen’s κ',
  fleiss: 'Fleiss’ κ',
  percent: '% agreement',
  n: 'n',
  nominal: 'nominal',
  interval_: 'interval',
  undefinedValue: 'undefined',
  notApplicable: '—',
  intervalNote: 'Interval: percentile bootstrap over the matched claims, 1,000 draws, seed 20160801 (reproducible).',
  warnings: 'Warnings',
  noWarnings: 'No warnings.',
  noUnits: (what: string) => `${what}: no unit has values from two coders, so there is nothing to measure.`,
  fewUnits: (what: string, units: number, least: number) =>
    `${what} rests on ${counted('en', units, 'units', String(units))}; a figure on fewer than ${least} is not reliable.`,
  dominant: (what: string, value: string, share: string) =>
    `${what}: one value, “${value}”, holds ${share} of the values; coefficients are unstable when one category dominates.`,
  undefinedFlag: (what: string) => `${what} is undefined: there is only one value, so no variation to agree on.`,
  unnamed: (n: number) =>
    plural(
      'en',
      n,
      {
        one: '# annotation has no coder name and is left out.',
        other: '# annotations have no coder name and are left out.',
      },
      String(n),
    ),
  coderWithout: (coder: string) => `The coder “${coder}” has no annotations in the chosen documents.`,
  doubled: (n: number) =>
    `${plural('en', n, { one: '# matched claim holds', other: '# matched claims hold' }, String(n))} two annotations of one coder (a chain of matches); the first in reading order gave that coder’s values.`,
  alphaOf: (field: string) => `α of ${field}`,
  alphaUOf: (code: string) => `αU of “${code}”`,
  disagreements: 'Disagreements',
  disagreementCount: (shown: number, total: number) =>
    shown === total
      ? `${counted('en', total, 'units', String(total))} where the coders differ.`
      : `The first ${shown} of ${counted('en', total, 'units', String(total))} where the coders differ.`,
  noDisagreements: 'The coders do not differ anywhere.',
  diffOnlyOne: 'only one coder marked it',
  diffMissing: 'a coder has no claim here',
  diffBoundaries: 'different boundaries',
  diffCodes: 'different codes',
  diffValues: 'different values',
  openInReader: 'Open in the reader',
  sideBySide: 'Side by side, to adjudicate',
  noCodes: 'no code',
  empty: '(empty)',
};

const ar = {
  button: 'الاتفاق…',
  title: 'الاتفاق بين المرمّزين',
  hint: 'مدى اتفاق مرمّزَين أو أكثر: على مواضع وحدات كل رمز (αU و\u2066|uα\u2069 وcuα)، وعلى حقول الادعاءات التي علّماها كلاهما (α مع فترة الثقة ٩٥٪ وκ ونسبة الاتفاق).',
  documents: 'الوثائق',
  allDocuments: 'كل الوثائق',
  chosenDocuments: 'وثائق مختارة',
  chooseDocument: 'اختر وثيقة واحدة على الأقل.',
  coders: 'المرمّزون',
  noCoders: 'لا يحمل أي تعليق في المشروع اسم مرمّز بعد. اضبط «المُرمِّز» قبل الترميز.',
  chooseTwoCoders: 'اختر مرمّزَين على الأقل.',
  annotationsOf: (n: number) => counted('ar', n, 'annotations', String(n)),
  codes: 'الرموز',
  chooseCode: 'اختر رمزًا واحدًا على الأقل.',
  overlap: 'أدنى تداخل ليتطابق ادعاءا مرمّزَين (التقاطع / الاتحاد)',
  compute: 'احسب',
  computing: 'جارٍ الحساب…',
  close: 'إغلاق',
  exportCsv: 'تصدير CSV',
  summary: (coders: string, docs: number, matched: number, unmatched: number) =>
    `${coders} · ${counted('ar', docs, 'documents', String(docs))} · ${plural('ar', matched, MATCHED_AR, String(matched))} · ${unmatched} غير متطابق`,
  perCode: 'الوحدات لكل رمز',
  code: 'الرمز',
  allCodes: 'كل الرموز المختارة',
  alphaU: 'αU',
  // |uα isolated left-to-right, or its leading bar is drawn after the α
  boundaryAlpha: '\u2066|uα\u2069 (الحدود)',
  cuAlpha: 'cuα (الرموز ضمن الوحدات)',
  units: 'الوحدات',
  perField: 'حقول الادعاء (الادعاءات المتطابقة)',
  field: 'الحقل',
  alpha: 'α',
  interval: 'فترة ٩٥٪',
  cohen: 'κ كوهين',
  fleiss: 'κ فلايس',
  percent: 'نسبة الاتفاق',
  n: 'العدد',
  nominal: 'اسمي',
  interval_: 'فتري',
  undefinedValue: 'غير معرّف',
  notApplicable: '—',
  intervalNote:
    'الفترة: إعادة معاينة (bootstrap) مئينية على الادعاءات المتطابقة، ١٠٠٠ سحبة، البذرة 20160801 (قابلة للتكرار).',
  warnings: 'تنبيهات',
  noWarnings: 'لا تنبيهات.',
  noUnits: (what: string) => `${what}: لا وحدة فيها قيمتان من مرمّزَين، فلا شيء يُقاس.`,
  fewUnits: (what: string, units: number, least: number) =>
    `${what} يقوم على ${countedAfter('ar', units, 'units', String(units))}؛ الرقم المبني على أقل من ${least} غير موثوق.`,
  dominant: (what: string, value: string, share: string) =>
    `${what}: قيمة واحدة، «${value}»، تشغل ${share} من القيم؛ المعاملات غير مستقرة حين تطغى فئة واحدة.`,
  undefinedFlag: (what: string) => `${what} غير معرّف: ليس هناك إلا قيمة واحدة، فلا تباين يُتفق عليه.`,
  unnamed: (n: number) =>
    plural(
      'ar',
      n,
      {
        one: 'تعليق واحد بلا اسم مرمّز، فاستُبعد.',
        two: 'تعليقان بلا اسم مرمّز، فاستُبعدا.',
        few: '# تعليقات بلا اسم مرمّز، فاستُبعدت.',
        many: '# تعليقًا بلا اسم مرمّز، فاستُبعدت.',
        other: '# تعليق بلا اسم مرمّز، فاستُبعدت.',
      },
      String(n),
    ),
  coderWithout: (coder: string) => `ليس للمرمّز «${coder}» تعليقات في الوثائق المختارة.`,
  doubled: (n: number) =>
    `${plural('ar', n, MATCHED_AR, String(n))} ${n === 1 ? 'يضم' : n === 2 ? 'يضم كلٌّ منهما' : 'يضم كلٌّ منها'} تعليقين لمرمّز واحد (سلسلة تطابقات)؛ أُخذت قيم الأول منهما بترتيب القراءة.`,
  alphaOf: (field: string) => `α لحقل «${field}»`,
  alphaUOf: (code: string) => `αU للرمز «${code}»`,
  disagreements: 'مواضع الاختلاف',
  disagreementCount: (shown: number, total: number) =>
    shown === total
      ? `${counted('ar', total, 'units', String(total))} يختلف فيها المرمّزون.`
      : `أول ${shown} من ${countedAfter('ar', total, 'units', String(total))} يختلف فيها المرمّزون.`,
  noDisagreements: 'لا يختلف المرمّزون في أي موضع.',
  diffOnlyOne: 'علّمه مرمّز واحد فقط',
  diffMissing: 'ليس لأحد المرمّزين ادعاء هنا',
  diffBoundaries: 'حدود مختلفة',
  diffCodes: 'رموز مختلفة',
  diffValues: 'قيم مختلفة',
  openInReader: 'افتح في القارئ',
  sideBySide: 'جنبًا إلى جنب للحسم',
  noCodes: 'بلا رمز',
  empty: '(فارغ)',
};

export const useAgreementStrings = defineStrings({ en, ar });
