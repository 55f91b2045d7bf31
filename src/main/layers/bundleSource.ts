/**
 * A project bundle (export.bundle) as a layer's input: its W3C JSON-LD file is the layer, and
 * texts/<document_id>.txt the texts its annotations point into, kept when their sha256 is the one
 * the annotations name (for the near-duplicate check when this project's copy differs). A
 * fields.json (the claim fields of the colleague's codebook, in newer bundles) gives the fields'
 * labels, so a field of another key matches by its label; a bundle without one, or with one this
 * reader does not understand, matches fields by key only.
 */
import { createHash } from 'node:crypto';
import { AppError } from '@shared/errors';
import { readBundleEntries } from './bundleZip';
import type { LayerInput } from './types';
import { readW3c } from './w3cSource';

const TEXT = /^texts\/([A-Za-z0-9_-]{1,64})\.txt$/;
const JSONLD = /^[^/]+\.jsonld$/;
const FIELDS = 'fields.json';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export async function readBundle(bytes: Buffer, label: string): Promise<LayerInput> {
  const entries = await readBundleEntries(bytes, (name) => TEXT.test(name) || JSONLD.test(name) || name === FIELDS);
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
  const fields = entries.get(FIELDS);
  return { ...input, kind: 'bundle', fieldNames: fields ? fieldLabels(fields.toString('utf8')) : input.fieldNames };
}

/** key → label of a fields.json: a list of fields, or an object holding one as `fields`; else nothing. */
export function fieldLabels(json: string): Map<string, string> {
  const out = new Map<string, string>();
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return out;
  }
  const list = Array.isArray(value)
    ? value
    : typeof value === 'object' && value !== null && Array.isArray((value as { fields?: unknown }).fields)
      ? (value as { fields: unknown[] }).fields
      : [];
  for (const f of list.slice(0, 1000)) {
    if (typeof f !== 'object' || f === null) continue;
    const { key, label } = f as { key?: unknown; label?: unknown };
    if (typeof key === 'string' && typeof label === 'string' && key.length <= 40) out.set(key, label.slice(0, 200));
  }
  return out;
}
