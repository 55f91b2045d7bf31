/**
 * fast-xml-parser, loaded when XML is first read or written (a codebook or a .qdpx) rather than at
 * start-up, where loading it was some 40 ms of the server's start. It is required (its one-file
 * CommonJS build), not imported, so that the functions using it stay synchronous.
 */
import { createRequire } from 'node:module';
import type * as FastXmlModule from 'fast-xml-parser';

type FastXml = typeof FastXmlModule;

let loaded: FastXml | null = null;

export function fastXml(): FastXml {
  loaded ??= createRequire(import.meta.url)('fast-xml-parser') as FastXml;
  return loaded;
}
