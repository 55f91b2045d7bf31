/**
 * The colleague's work named by a layers.import source, read into a LayerInput. A path must be
 * absolute (the server's working folder means nothing to the person typing it); a bundle or a W3C
 * file comes either as its content (browser mode reads it in the page) or as a path (the desktop
 * app, a script). The open project's own folder is refused: it is already here.
 */
import { realpath, stat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { MAX_LAYER_FILE_BYTES, type LayerSource } from '@shared/api/layers';
import { AppError } from '@shared/errors';
import { readBundle } from './bundleSource';
import { readFolder } from './folderSource';
import type { LayerInput } from './types';
import { readW3c } from './w3cSource';

const MB = 1024 * 1024;

function absolute(p: string): string {
  if (!path.isAbsolute(p))
    throw new AppError('invalid_input', `“${p}” is not a full path; give the whole path, from the root of the disk.`);
  return path.resolve(p);
}

async function fileBytes(p: string): Promise<Buffer> {
  const file = absolute(p);
  const info = await stat(file).catch(() => null);
  if (!info || !info.isFile()) throw new AppError('not_found', `There is no file at “${file}”.`);
  if (info.size > MAX_LAYER_FILE_BYTES)
    throw new AppError('too_large', `“${file}” is larger than ${MAX_LAYER_FILE_BYTES / MB} MB; nothing was imported.`);
  return readFile(file);
}

function exactlyOne(content: unknown, filePath: unknown): void {
  if ((content === undefined) === (filePath === undefined))
    throw new AppError('invalid_input', 'Give the file either as its content or as its path, not both or neither.');
}

export async function readSource(source: LayerSource, ownFolder: string): Promise<LayerInput> {
  if (source.kind === 'folder') {
    const dir = absolute(source.path);
    const info = await stat(dir).catch(() => null);
    if (!info || !info.isDirectory()) throw new AppError('not_found', `There is no folder at “${dir}”.`);
    const [real, own] = await Promise.all([realpath(dir), realpath(ownFolder).catch(() => ownFolder)]);
    if (real === own)
      throw new AppError('conflict', 'That folder is the project open now; choose a colleague’s project folder.');
    return readFolder(dir);
  }
  if (source.kind === 'bundle') {
    exactlyOne(source.data, source.path);
    const bytes = source.data !== undefined ? Buffer.from(source.data, 'base64') : await fileBytes(source.path ?? '');
    if (bytes.length === 0) throw new AppError('unprocessable', 'The bundle is empty; nothing was imported.');
    return readBundle(bytes, source.fileName ?? (source.path ? path.basename(source.path) : 'bundle.zip'));
  }
  exactlyOne(source.json, source.path);
  const json = source.json ?? (await fileBytes(source.path ?? '')).toString('utf8');
  return readW3c(json, source.fileName ?? (source.path ? path.basename(source.path) : 'annotations.jsonld'));
}
