/**
 * What the .qdpx exchange borrows from the layers it may not import (eslint.config.js: exchange
 * sees only shared, events and store): the codebook's REFI-QDA conventions (code GUIDs, the
 * Description trailer, XML references; src/main/codebook/) and the making of a new document file
 * (src/main/services/documentFactory.ts). The service passes them in (src/main/services/qdpx.ts),
 * so a code has one GUID in a .qdc and a .qdpx alike.
 */
import type { Code } from '@shared/model';
import type { DocumentFile } from '../../store/schema';

export interface QdpxCodec {
  /** a Hashiya id's REFI GUID (a UUID id is its own GUID) */
  guidForId(id: string): string;
  /** a code's Description: its definition, then labelled lines (example, Arabic name, key) */
  describeCode(code: Pick<Code, 'description' | 'example' | 'nameAr' | 'key'>): string;
  readCodeDescription(text: string): { description: string; example: string; nameAr: string; key: string | null };
  /** XML's predefined entities and numeric character references, decoded in one pass */
  decodeXmlReferences(value: string): string;
  /** a new document file for a canonical text */
  newDocumentFile(id: string, text: string, title: string, importedAt: string): DocumentFile;
}
