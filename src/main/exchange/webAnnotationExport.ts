/**
 * Annotations as a W3C Web Annotation AnnotationCollection (JSON-LD). Each annotation targets its
 * document's text with a TextPositionSelector (code points, as the model requires) and a
 * TextQuoteSelector (exact text, 32 code points of prefix and suffix); its bodies are the codes
 * (SpecificResource, purpose "classifying", carrying the code's id and name) and the claim values
 * (TextualBody, purpose "describing", named by hashiya:field, see webAnnotationVocab.ts).
 * creator = the annotator; created/modified in UTC.
 */
import type { Annotation, Code, Codebook, Document, Registry } from '@shared/model';
import { claimCells, registryLookup } from '@shared/claims/claimCsv';
import { ENTITY_FIELD_TYPES, type ClaimField } from '@shared/claims/fields';
import { valueOf } from '@shared/claims/values';
import { codeLabels } from './codeLabels';
import { utcIso } from './csvRows';
import { ANNOTATION_URN, CODE_URN, CODER_URN, CONTEXT, DOCUMENT_URN, SHA256_URN } from './webAnnotationVocab';

type Json = Record<string, unknown>;
type DocumentMeta = Pick<Document, 'id' | 'title' | 'sha256'>;

export function codeBodies(codebook: Codebook): (codeId: string) => Json {
  const byId = new Map<string, Code>(codebook.codes.map((c) => [c.id, c]));
  const label = codeLabels(codebook);
  const ancestorsOf = (code: Code): Code[] => {
    const out: Code[] = [];
    const seen = new Set([code.id]);
    for (
      let at = code.parentId ? byId.get(code.parentId) : undefined;
      at && !seen.has(at.id);
      at = at.parentId ? byId.get(at.parentId) : undefined
    ) {
      seen.add(at.id);
      out.unshift(at);
    }
    return out;
  };
  return (codeId) => {
    const code = byId.get(codeId);
    const l = label(codeId);
    const source: Json = { id: CODE_URN + codeId, label: l.name, 'hashiya:path': l.path };
    if (code?.nameAr) source['hashiya:nameAr'] = code.nameAr;
    if (code?.parentId) {
      source['hashiya:parent'] = CODE_URN + code.parentId;
      // the whole chain of parents, so a colleague's import rebuilds the hierarchy even where a
      // parent code tags nothing itself
      source['hashiya:ancestors'] = ancestorsOf(code).map((p) => ({
        id: CODE_URN + p.id,
        label: p.name,
        ...(p.nameAr ? { 'hashiya:nameAr': p.nameAr } : {}),
        'hashiya:color': p.color,
      }));
    }
    if (code) source['hashiya:color'] = code.color;
    return { type: 'SpecificResource', purpose: 'classifying', source };
  };
}

/** The describing bodies of an annotation's claim values, in codebook order. */
export function valueBodies(fields: readonly ClaimField[], registry: Registry): (a: Annotation) => Json[] {
  const lookup = registryLookup(registry);
  return (a) => {
    const out: Json[] = [];
    for (const f of fields) {
      const v = valueOf(a.values, f.key);
      if (v === undefined) continue;
      // the text a person reads is the field's first CSV cell (a name, a choice's name, the text)
      const text = String(claimCells([f], a.values, lookup)[0] ?? '');
      const body: Json = {
        type: 'TextualBody',
        purpose: 'describing',
        'hashiya:field': f.key,
        value: text === '' ? String(v) : text,
        'hashiya:value': v,
      };
      if (ENTITY_FIELD_TYPES.includes(f.type) && typeof v === 'string') {
        const e = lookup.entity(v);
        if (e)
          body['hashiya:entity'] = {
            kind: e.kind,
            nameAr: e.nameAr,
            nameLatin: e.nameLatin,
            aliases: e.aliases,
          };
      }
      out.push(body);
    }
    return out;
  };
}

export function annotationToW3c(
  document: DocumentMeta,
  a: Annotation,
  codeBody: (codeId: string) => Json,
  valueBody: (a: Annotation) => Json[],
): Json {
  const body: Json[] = [...a.codes.map(codeBody), ...valueBody(a)];
  const out: Json = {
    id: ANNOTATION_URN + a.id,
    type: 'Annotation',
    motivation: 'classifying',
    created: utcIso(a.createdAt),
    modified: utcIso(a.updatedAt),
  };
  if (a.annotator || a.coderId)
    out.creator = { type: 'Person', ...(a.coderId ? { id: CODER_URN + a.coderId } : {}), name: a.annotator };
  out.body = body;
  out.target = {
    type: 'SpecificResource',
    source: {
      id: SHA256_URN + document.sha256,
      type: 'Text',
      format: 'text/plain',
      title: document.title,
      'hashiya:document': DOCUMENT_URN + document.id,
    },
    selector: [
      { type: 'TextPositionSelector', start: a.start, end: a.end },
      { type: 'TextQuoteSelector', exact: a.quote, prefix: a.prefix, suffix: a.suffix },
    ],
  };
  return out;
}

export function annotationCollection(options: { id: string; label: string; generated: string; items: Json[] }): Json {
  return {
    '@context': CONTEXT,
    id: options.id,
    type: 'AnnotationCollection',
    label: options.label,
    generator: { type: 'Software', name: 'Hashiya' },
    generated: utcIso(options.generated),
    total: options.items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: options.items },
  };
}
