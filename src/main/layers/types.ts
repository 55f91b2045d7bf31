/**
 * What a colleague's work is read into, whatever it came as (a project folder, a bundle, a W3C
 * file): the documents it names and its annotations, each in the W3C reader's shape
 * (exchange/webAnnotationParse.ts) with its coder, so one matching pipeline serves all three.
 */
import type { LayerOrphan } from '@shared/api/layers';
import type { IncomingAnnotation } from '../exchange/webAnnotationParse';

export interface SourceDocument {
  /** the colleague's document id, when known */
  sourceId: string | null;
  title: string;
  /** ISO date, when known */
  publishedAt: string | null;
  /** the sha256 of its canonical text, when known */
  sha256: string | null;
  /** its canonical text, when the source carries it (folder, bundle): needed for a near-duplicate */
  text: string | null;
}

export interface SourceAnnotation extends IncomingAnnotation {
  /** the coder id the file gives, or null (older files: the annotator name decides) */
  coderId: string | null;
  /** which of the source's documents it belongs to (SourceDocument key), or null */
  documentKey: string | null;
}

export interface LayerInput {
  kind: 'folder' | 'bundle' | 'w3c';
  /** what a person recognises the source by: a folder path, a file name */
  label: string;
  documents: Map<string, SourceDocument>;
  annotations: SourceAnnotation[];
  /** claim field names by key, when the source has its codebook (a folder) */
  fieldNames: Map<string, string>;
  /** what could not be read at all (an entry that is not an annotation, a damaged document file) */
  orphans: LayerOrphan[];
}
