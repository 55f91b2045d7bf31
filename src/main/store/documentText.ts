/**
 * A document file's text for a save, checked as `DocumentFile.safeParse` checks it, without
 * walking the schema over every annotation of the file on every tag.
 *
 * DocumentFile is a plain object schema (no refinement across its fields) whose `annotations`
 * are `z.array(Annotation)` with no check on the array itself, so a file passes exactly when its
 * other members pass (the file checked with an empty list) and each annotation passes
 * `Annotation`. A part that passed is remembered with its JSON text, in a WeakMap keyed by the
 * object (the file for its other members, each annotation for itself), and is taken as passing
 * again only while it is the same object with the same JSON text, character for character. The
 * schema looks only at JSON values (strings, numbers, booleans, null, arrays, plain objects: what
 * JSON.parse and the services make), so the same text gets the same verdict; a part changed in
 * place (a faulty service editing `values`) has another text and is checked again. Whatever is
 * written is thus the text of parts that passed, which is what the next start parses. Every part
 * is still serialised on every save; what this saves is the schema walk over the unchanged ones.
 *
 * The text is byte for byte `JSON.stringify(file)`: the file's own keys in their order, the
 * annotations' texts joined with commas (documentText.test.ts compares them). When a part fails,
 * the whole file is checked again, so the error names the same first issue as before.
 */
import { Annotation, DocumentFile } from '@shared/model';
import { schemaText, type CheckedText } from './jsonFile';

const passed = new WeakMap<object, string>();

/** `JSON.stringify(file)` when `file` passes `DocumentFile`, else the whole file's parse error. */
export function documentFileText(file: DocumentFile): CheckedText {
  let text: string | null;
  try {
    text = partsText(file);
  } catch {
    // what JSON cannot write (a cycle, a BigInt): the whole file's check says what it says of it
    text = null;
  }
  return text === null ? wholeFile(file) : { ok: true, text };
}

/** The file's text when every part passes (remembered or checked now), else null. */
function partsText(file: DocumentFile): string | null {
  let annotations: string | null = null;
  const members: string[] = [];
  const others: string[] = [];
  for (const [name, value] of Object.entries(file)) {
    if (name === 'annotations') {
      annotations = annotationsText(value);
      if (annotations === null) return null;
      members.push(`"annotations":${annotations}`);
      continue;
    }
    const text = JSON.stringify(value) as string | undefined;
    if (text === undefined) continue;
    const member = `${JSON.stringify(name)}:${text}`;
    members.push(member);
    others.push(member);
  }
  if (annotations === null) return null;
  const header = others.join(',');
  if (passed.get(file) !== header) {
    // every member but the annotations, with the file's own schema (an empty list passes it)
    if (!DocumentFile.safeParse({ ...file, annotations: [] }).success) return null;
    passed.set(file, header);
  }
  return `{${members.join(',')}}`;
}

/** The JSON text of the annotations when each passes `Annotation`, else null. */
function annotationsText(list: unknown): string | null {
  if (!Array.isArray(list)) return null;
  const texts: string[] = [];
  for (const annotation of list as unknown[]) {
    const text = JSON.stringify(annotation) as string | undefined;
    if (typeof annotation !== 'object' || annotation === null || text === undefined) return null;
    if (passed.get(annotation) !== text) {
      if (!Annotation.safeParse(annotation).success) return null;
      passed.set(annotation, text);
    }
    texts.push(text);
  }
  return `[${texts.join(',')}]`;
}

/** When a part fails, the whole file's check decides (it refuses exactly what the parts' refuse). */
const wholeFile = (file: DocumentFile): CheckedText => schemaText(DocumentFile, file);
