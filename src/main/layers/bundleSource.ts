/**
 * A project bundle (export.bundle) as a layer's input: its W3C JSON-LD file is the layer, and
 * texts/<document_id>.txt the texts its annotations point into, kept when their sha256 is the one
 * the annotations name (for the near-duplicate check when this project's copy differs).
 */
import { createHash } from 'node:crypto';
import { AppError } from '@shared/errors';
import { readBundleEntries } from './bundleZip';
import type { LayerInput } from './types';
import { readW3c } from './w3cSource';

const TEXT = /^texts\/([A-Za-z0-9_-]{1,64})\.txt$/;
const JSONLD = /^[^/]+\.jsonld$/;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export async function readBundle(bytes: Buffer, label: string): Promise<LayerInput> {
  const entries = await readBundleEntries(bytes, (name) => TEXT.test(name) || JSONLD.test(name));
  const jsonld = [...entries.keys()].filter((name) => JSONLD.test(name));
  if (jsonld.length !== 1)
    throw new AppError(
      'unprocessable',
      jsonld.length === 0
        ? 'This zip is not a Hashiya project bundle: it has no .jsonld file of annotations. Nothing was imported.'
        : 'This zip holds several .jsonld files; a project bundle has one. Nothing was imported.',
    );
  const texts = new Map<string, string>();
  for (const [name, data] of entries) {
    const m = TEXT.exec(name);
    if (m) texts.set(m[1] as string, data.toString('utf8'));
  }
  const input = readW3c((entries.get(jsonld[0] as string) as Buffer).toString('utf8'), label, texts);
  for (const doc of input.documents.values())
    if (doc.text !== null && doc.sha256 !== null && sha256(doc.text) !== doc.sha256) doc.text = null;
  return { ...input, kind: 'bundle' };
}
