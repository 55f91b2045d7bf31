/**
 * The identifiers Hashiya writes into W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/).
 *
 * A document is identified by the sha256 of its canonical text (`urn:sha256:<hex>`): the same
 * article imported by a colleague has another Hashiya id but the same text, hence the same
 * source. The Hashiya id travels alongside as `hashiya:document`. Extension terms live under the
 * `hashiya:` prefix declared in the collection's @context (an identifier, never fetched).
 */
export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const HASHIYA_VOCAB = 'urn:hashiya:vocab:';
export const CONTEXT = [W3C_CONTEXT, { hashiya: HASHIYA_VOCAB }] as const;

export const ANNOTATION_URN = 'urn:hashiya:annotation:';
export const DOCUMENT_URN = 'urn:hashiya:document:';
export const CODE_URN = 'urn:hashiya:code:';
/** a coder's stable id (src/shared/coders/model.ts), as the creator's id */
export const CODER_URN = 'urn:hashiya:coder:';
export const SHA256_URN = 'urn:sha256:';

/**
 * A claim value is a describing TextualBody named by `hashiya:field` (the field's key): `value`
 * is what a person reads (an actor's name, a choice's name), `hashiya:value` the value as stored
 * (an id, a number, a list of ids), and for an actor or a place `hashiya:entity` its names, so a
 * project that lacks the id can match it by name (docs/claims.md).
 * Files of format 2 carried `claimant`, `stance` and `certainty` fields with a value only, and
 * the note as a commenting body; the import reads those too.
 */
export const LEGACY_FIELDS: Readonly<Record<string, string>> = Object.freeze({
  claimant: 'claimant',
  stance: 'position',
  certainty: 'certainty',
});

export function stripPrefix(value: string, prefix: string): string | null {
  return value.startsWith(prefix) ? value.slice(prefix.length) : null;
}
