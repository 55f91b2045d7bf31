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
export const SHA256_URN = 'urn:sha256:';

/** The claim attributes carried as describing TextualBodies, named by `hashiya:field`. */
export const ATTRIBUTE_FIELDS = ['claimant', 'stance', 'certainty'] as const;
export type AttributeField = (typeof ATTRIBUTE_FIELDS)[number];

export function stripPrefix(value: string, prefix: string): string | null {
  return value.startsWith(prefix) ? value.slice(prefix.length) : null;
}
