/**
 * The CSV guide shown in the export dialog (the content of docs/export.md, which installed users
 * do not have): what each column holds, the code-point offsets, and the leading-apostrophe rule
 * with how to undo it in R and pandas. A test checks that it lists exactly the columns exported.
 */
import type { Lang } from '../../i18n';

export interface ColumnDoc {
  name: string;
  en: string;
  ar: string;
}

/** The export's own columns, in order; the claim columns follow them (CLAIM_COLUMN_DOCS). */
export const CSV_COLUMN_DOCS: readonly ColumnDoc[] = [
  {
    name: 'document_id',
    en: 'the document’s id in the project; also the name of its text file (<document_id>.txt)',
    ar: 'معرّف الوثيقة في المشروع، وهو أيضًا اسم ملف نصها (<document_id>.txt)',
  },
  { name: 'document_title', en: 'title', ar: 'العنوان' },
  { name: 'document_source', en: 'source (the URL when no source is set)', ar: 'المصدر (أو الرابط إن لم يُذكر مصدر)' },
  {
    name: 'document_date',
    en: 'publication date as entered, empty when unknown',
    ar: 'تاريخ النشر كما أُدخل، وفارغ إن لم يُعرف',
  },
  {
    name: 'annotation_id',
    en: 'the annotation’s id (stable; the same in the W3C export)',
    ar: 'معرّف التعليق (ثابت، وهو نفسه في تصدير W3C)',
  },
  {
    name: 'code',
    en: 'the code’s name; several joined with “ | ” in one-row-per-annotation files',
    ar: 'اسم الرمز؛ وتُجمع عدة رموز بـ « | » في ملف صف لكل تعليق',
  },
  {
    name: 'code_path',
    en: 'the code with its parents, e.g. Ceasefire > Ceasefire proposal',
    ar: 'الرمز مع الرموز الأعلى منه، مثل Ceasefire > Ceasefire proposal',
  },
  { name: 'quote', en: 'the tagged text, exactly as in the document', ar: 'النص المرمَّز كما هو في الوثيقة تمامًا' },
  { name: 'prefix', en: 'up to 32 characters before the quote', ar: 'حتى 32 حرفًا قبل النص المرمَّز' },
  { name: 'suffix', en: 'up to 32 characters after the quote', ar: 'حتى 32 حرفًا بعد النص المرمَّز' },
  {
    name: 'start',
    en: 'where the span starts, in Unicode code points from the start of the text',
    ar: 'موضع بداية المقطع بعدد نقاط الترميز (Unicode code points) من أول النص',
  },
  {
    name: 'end',
    en: 'where the span ends (exclusive), in code points',
    ar: 'موضع نهاية المقطع (غير داخل فيه) بعدد نقاط الترميز',
  },
  {
    name: 'paragraph',
    en: 'the paragraph the span starts in, counted from 1',
    ar: 'الفقرة التي يبدأ فيها المقطع، والعدّ يبدأ من 1',
  },
  { name: 'annotator', en: 'who tagged it', ar: 'من أضاف التعليق' },
  {
    name: 'created_at',
    en: 'when it was tagged: ISO 8601 in UTC, e.g. 2026-11-29T01:37:42.000Z',
    ar: 'وقت إضافته بصيغة ISO 8601 بالتوقيت العالمي، مثل 2026-11-29T01:37:42.000Z',
  },
  {
    name: 'updated_at',
    en: 'when it was last changed (ISO 8601, UTC)',
    ar: 'وقت آخر تعديل (ISO 8601، بالتوقيت العالمي)',
  },
  {
    name: 'layer',
    en: 'whose layer it is on: the coder’s name, or “adjudicated” for the settled annotations',
    ar: 'الطبقة التي ينتمي إليها: اسم المرمِّز، أو «adjudicated» للتعليقات المحسومة',
  },
];

/** After those, each claim field of the codebook, in its order, by its key (docs/claims.md). */
export const CLAIM_COLUMN_DOCS: readonly ColumnDoc[] = [
  {
    name: '<key>',
    en: 'the field’s value: an actor’s or a place’s name (Arabic if it has one), a choice’s name, several choices joined with “ | ”, a number, true/false, a date YYYY-MM-DD, or the text',
    ar: 'قيمة الحقل: اسم الفاعل أو المكان (بالعربية إن وُجد)، أو اسم الخيار، أو عدة خيارات تجمعها « | »، أو رقم، أو true/false، أو تاريخ YYYY-MM-DD، أو النص',
  },
  {
    name: '<key>_id, <key>_type, <key>_affiliation',
    en: 'for an actor or place field: the registry id (the id column of actors.csv), its type, and the name of the actor it belongs to',
    ar: 'لحقل الفاعل أو المكان: معرّفه في السجل (عمود id في actors.csv)، وصنفه، واسم الفاعل الذي ينتمي إليه',
  },
  {
    name: '<key>_value',
    en: 'for a choice field: the choice’s number (a position’s −1, 0 or +1), empty when it has none',
    ar: 'لحقل الخيار: رقم الخيار (‎−1 أو 0 أو ‎+1 للموقف)، وفارغ إن لم يكن له رقم',
  },
];

/** Reading the file in R and pandas, with the apostrophe guard removed (code: never translated). */
export const R_SNIPPET = `d <- read.csv("hashiya.csv", encoding = "UTF-8", check.names = FALSE)
text_cols <- sapply(d, is.character)
d[text_cols] <- lapply(d[text_cols], function(x) sub("^'", "", x))`;

export const PANDAS_SNIPPET = `import pandas as pd
df = pd.read_csv("hashiya.csv", encoding="utf-8-sig", keep_default_na=False)
for col in df.select_dtypes(include="object"):
    df[col] = df[col].str.replace(r"^'", "", regex=True)`;

export const OFFSET_SNIPPET = `text = open(f"{row['document_id']}.txt", encoding="utf-8", newline="").read()
assert text[int(row["start"]):int(row["end"])] == quote  # quote without the ' guard`;

const en = {
  guide: 'Column guide',
  columns: 'Columns',
  claimColumns:
    'Then one set of columns for each claim field of the codebook, in its order, named by the field’s key (claimant, claimant_id, position, position_value, …). To split several choices: R strsplit(x, " | ", fixed = TRUE), pandas df[key].str.split(" | ", regex=False).',
  column: 'Column',
  meaning: 'What it holds',
  format:
    'UTF-8 with a byte-order mark (so Excel reads Arabic), CRLF line ends, RFC 4180 quoting. One row per annotation and code, or one per annotation; an annotation without a code still has one row, with code empty.',
  offsetsTitle: 'Offsets',
  offsets:
    'start and end count Unicode code points, as Python’s text[start:end] and R’s substr(text, start + 1, end) do (an emoji is one character). The .zip export has each document’s text as texts/<document_id>.txt (UTF-8 without BOM, paragraphs separated by one line break) to check a row against:',
  guardTitle: 'The leading apostrophe (formula guard)',
  guard:
    "A spreadsheet runs a cell that begins with =, +, - or @, a tab or a line break as a formula, and a crafted article could use that; some spreadsheets also skip leading spaces and take look-alike signs (﹦ ＝ ﹢ ＋ − － ＠ …) for these. So every text cell that begins with a tab or a line break, or whose first character after white space and invisible format characters is one of these signs or a look-alike, gets a leading apostrophe: =SUM(A1) is written '=SUM(A1), and ' =SUM(A1) for one with a space first. Numbers (start, end, paragraph) never are. A text cell that already begins with an apostrophe gets one more, so the rule is exactly reversible: remove one leading apostrophe from every text cell that has one.",
  inR: 'In R:',
  inPandas: 'In pandas (keep_default_na=False keeps empty cells as empty strings):',
};

export type GuideText = typeof en;

const ar: GuideText = {
  guide: 'دليل الأعمدة',
  columns: 'الأعمدة',
  claimColumns:
    'ثم مجموعة أعمدة لكل حقل من حقول الادعاء في دليل الترميز، بترتيبها، واسمها مفتاح الحقل (claimant وclaimant_id وposition وposition_value …). ولتقسيم عدة خيارات: في R ‏strsplit(x, " | ", fixed = TRUE)، وفي pandas ‏df[key].str.split(" | ", regex=False).',
  column: 'العمود',
  meaning: 'محتواه',
  format:
    'ترميز UTF-8 مع علامة ترتيب البايتات (ليقرأ Excel العربية)، ونهايات أسطر CRLF، واقتباس وفق RFC 4180. صف لكل تعليق ورمز، أو صف لكل تعليق؛ والتعليق الذي لا رمز له يبقى له صف، وعمود code فيه فارغ.',
  offsetsTitle: 'المواضع',
  offsets:
    'يَعُدّ start وend نقاط ترميز Unicode، كما تفعل text[start:end] في Python وsubstr(text, start + 1, end) في R (الرمز التعبيري حرف واحد). وفي تصدير ‎.zip نص كل وثيقة في texts/<document_id>.txt (UTF-8 بلا BOM، وبين الفقرات سطر جديد واحد) للتحقق من أي صف:',
  guardTitle: 'الفاصلة العليا في البداية (حماية من الصيغ)',
  guard:
    "تنفّذ جداول البيانات الخلية التي تبدأ بـ = أو + أو - أو @ أو بمسافة جدولة أو سطر جديد كأنها صيغة، وقد يستغل ذلك مقال معدّ لهذا الغرض؛ وبعضها يتخطى المسافات في البداية ويعدّ العلامات الشبيهة (﹦ ＝ ﹢ ＋ − － ＠ …) مثلها. لذلك تُسبق بفاصلة عليا ' كل خلية نصية تبدأ بمسافة جدولة أو سطر جديد، أو يكون أول حرف فيها بعد المسافات والمحارف الخفية إحدى هذه العلامات أو ما يشبهها: فتُكتب =SUM(A1) هكذا '=SUM(A1)، وتُكتب ' =SUM(A1) إن سبقتها مسافة. ولا تُسبق الأرقام (start وend وparagraph) أبدًا. والخلية النصية التي تبدأ أصلًا بفاصلة عليا تُزاد فاصلة أخرى، فالقاعدة قابلة للعكس تمامًا: احذف فاصلة عليا واحدة من بداية كل خلية نصية تبدأ بها.",
  inR: 'في R:',
  inPandas: 'في pandas (يُبقي keep_default_na=False الخلايا الفارغة نصوصًا فارغة):',
};

export function guideText(lang: Lang): GuideText {
  return lang === 'ar' ? ar : en;
}
