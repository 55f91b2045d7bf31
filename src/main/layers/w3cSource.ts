/**
 * A W3C Web Annotation file as a layer's input: every annotation read as import.annotations
 * reads it (webAnnotationParse.ts), with the coder id of its creator (urn:hashiya:coder:…) and
 * the title of its target document. A file that is not Web Annotation JSON-LD is refused (400).
 */
import { annotationItems, parseItem } from '../exchange/webAnnotationParse';
import type { LayerInput, SourceDocument } from './types';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

function targetSource(item: Record<string, unknown>): Record<string, unknown> {
  const target = first(item.target);
  return isObject(target) && isObject(target.source) ? target.source : {};
}

/** The documents and annotations of a W3C file (`texts`: document texts by the file's document id). */
export function readW3c(json: string, label: string, texts: ReadonlyMap<string, string> = new Map()): LayerInput {
  const input: LayerInput = {
    kind: 'w3c',
    label,
    documents: new Map(),
    annotations: [],
    fieldNames: new Map(),
    orphans: [],
  };
  annotationItems(json).forEach((item, index) => {
    const parsed = parseItem(item, index);
    if (!parsed.ok) {
      input.orphans.push({ id: parsed.rawId, reason: 'invalid', exact: '', message: parsed.message });
      return;
    }
    const a = parsed.value;
    const raw = isObject(item) ? item : {};
    const key = a.sha256 ?? (a.documentId ? `doc:${a.documentId}` : null);
    if (key !== null && !input.documents.has(key)) {
      const source = targetSource(raw);
      const text = a.documentId ? (texts.get(a.documentId) ?? null) : null;
      const doc: SourceDocument = {
        sourceId: a.documentId,
        title: typeof source.title === 'string' ? source.title.slice(0, 500) : '',
        publishedAt: null,
        sha256: a.sha256,
        text,
      };
      input.documents.set(key, doc);
    }
    input.annotations.push({ ...a, documentKey: key });
  });
  return input;
}
