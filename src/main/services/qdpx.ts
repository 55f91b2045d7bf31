/** REFI-QDA project exchange (src/shared/api/qdpx.ts); the work is done in src/main/exchange/qdpx/. */
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { Handlers } from '@shared/api';
import { MAX_QDPX_BYTES } from '@shared/api/qdpx';
import { AppError } from '@shared/errors';
import { guidForId } from '../codebook/guid';
import { decodeXmlReferences, describeForQdc, readQdcDescription } from '../codebook/qdc';
import type { QdpxCodec } from '../exchange/qdpx/codec';
import { exportQdpx } from '../exchange/qdpx/export';
import { importQdpx } from '../exchange/qdpx/import';
import type { ServiceContext } from './context';
import { buildDocumentFile } from './documentFactory';
import { assertImportsOnlyOwn } from './visibleAnnotations';

type QdpxHandlers = Pick<Handlers, 'export.qdpx' | 'import.qdpx'>;

export const qdpxCodec: QdpxCodec = {
  guidForId,
  describeCode: describeForQdc,
  readCodeDescription: readQdcDescription,
  decodeXmlReferences,
  newDocumentFile: (id, text, title, importedAt) =>
    buildDocumentFile(id, { text, title, warnings: [], meta: {} }, importedAt),
};

const tooLarge = () =>
  new AppError(
    'too_large',
    `The REFI-QDA project is larger than ${MAX_QDPX_BYTES / 1024 / 1024} MB, more than Hashiya imports at once. Nothing was imported.`,
  );

/** The .qdpx a path names on this computer: an absolute path of a regular file ending in .qdpx, within the size limit. */
async function readQdpxFile(path: string): Promise<Buffer> {
  if (!isAbsolute(path)) throw new AppError('invalid_input', 'The path of the .qdpx must be a full (absolute) path.');
  if (!/\.qdpx$/i.test(path))
    throw new AppError('invalid_input', 'Only a file whose name ends in .qdpx can be imported as a REFI-QDA project.');
  const info = await stat(path).catch(() => null);
  if (!info || !info.isFile()) throw new AppError('not_found', `There is no file at ${path}.`);
  if (info.size > MAX_QDPX_BYTES) throw tooLarge();
  return readFile(path);
}

export function qdpxHandlers(ctx: ServiceContext): QdpxHandlers {
  return {
    'export.qdpx': (input) => exportQdpx(ctx, input, qdpxCodec),
    'import.qdpx': async ({ data, path, dryRun }) => {
      const bytes = data !== undefined ? Buffer.from(data, 'base64') : await readQdpxFile(path as string);
      if (bytes.length > MAX_QDPX_BYTES) throw tooLarge();
      const { addedDocumentIds, ...report } = await importQdpx(ctx, bytes, qdpxCodec, {
        dryRun,
        admit: (adding) => assertImportsOnlyOwn(ctx.store, adding),
      });
      if (addedDocumentIds.length > 0) {
        // their search index now, as documents.import does (a failure only means the first search builds it)
        await ctx.project.search.sync().catch(() => undefined);
        await ctx.project.nearDuplicates.sync().catch(() => undefined);
      }
      return report;
    },
  };
}
