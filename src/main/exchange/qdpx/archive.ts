/**
 * Reading a .qdpx archive that may be hostile, by the rules of the import's zip guard
 * (src/main/import/zipGuard.ts): the central directory is read first and the archive is
 * refused, before anything is expanded, when it is damaged or encrypted, has too many entries,
 * declares more bytes (or a higher ratio) than allowed, or names a path outside the archive
 * ("../", an absolute path, a drive letter, a backslash). Then only project.qde and the sources it
 * names are expanded, each counted as it streams and capped, so an entry that lies about its size
 * is caught with bounded memory. Nothing is written to disk.
 */
import type { Entry, ZipFile } from 'yauzl';
import { AppError } from '@shared/errors';

const MB = 1024 * 1024;

/** The import's zip rules (src/main/import/limits.ts), sized for a project of many texts. */
export const QDPX_LIMITS = {
  /** sum of the declared uncompressed sizes of all entries */
  maxTotalUncompressed: 512 * MB,
  /** uncompressed : compressed, for any entry that expands to more than `ratioFloor` bytes */
  maxRatio: 100,
  ratioFloor: MB,
  maxEntries: 20000,
  /** project.qde at most */
  maxProjectBytes: 64 * MB,
  /** one source text at most */
  maxSourceBytes: 32 * MB,
};

const refused = (why: string) =>
  new AppError('unprocessable', `The REFI-QDA project (.qdpx) was refused: ${why}. Nothing was imported.`);

const damaged = (detail?: string) =>
  new AppError(
    'unprocessable',
    `The REFI-QDA project (.qdpx) is damaged and cannot be opened${detail ? ` (${detail})` : ''}. Export it again from the program that made it.`,
  );

/** An entry name that stays inside the archive: relative, forward slashes, no "." or ".." part. */
export function safeEntryName(name: string): boolean {
  if (name === '' || name.includes('\\') || name.includes('\u0000') || name.startsWith('/')) return false;
  if (/^[A-Za-z]:/.test(name)) return false;
  return name
    .split('/')
    .every((part, i, all) => part !== '..' && part !== '.' && (part !== '' || i === all.length - 1));
}

export interface QdpxArchive {
  /** entry names, as written */
  names: readonly string[];
  /** the bytes of one entry (case-insensitive name), or null when the archive has none */
  read(name: string, maxBytes: number): Promise<Buffer | null>;
  close(): void;
}

async function open(bytes: Buffer): Promise<ZipFile> {
  // loaded when an archive is first read, not at start-up
  const { default: yauzl } = await import('yauzl');
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      bytes,
      { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false },
      (err, file) => (err || !file ? reject(damaged(err?.message)) : resolve(file)),
    );
  });
}

function directory(file: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    let total = 0;
    const fail = (err: AppError) => {
      file.removeAllListeners('entry');
      file.close();
      reject(err);
    };
    file.on('error', (err: Error) =>
      // yauzl checks names itself and stops at "../" or "/etc/…"
      fail(
        /invalid relative path|absolute path|invalid characters in fileName/i.test(err.message)
          ? refused(`it holds a file whose name is a path outside the archive (${err.message.slice(0, 200)})`)
          : damaged(err.message),
      ),
    );
    file.on('entry', (entry: Entry) => {
      if (entry.isEncrypted()) return fail(refused('it is encrypted'));
      if (!safeEntryName(entry.fileName))
        return fail(refused(`it holds a file named “${entry.fileName.slice(0, 200)}”, a path outside the archive`));
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
        return fail(damaged(`an entry uses compression method ${entry.compressionMethod}`));
      total += entry.uncompressedSize;
      if (total > QDPX_LIMITS.maxTotalUncompressed)
        return fail(
          refused(
            `its files would expand to more than ${Math.round(QDPX_LIMITS.maxTotalUncompressed / MB)} MB; it looks like a “zip bomb”`,
          ),
        );
      if (
        entry.uncompressedSize > QDPX_LIMITS.ratioFloor &&
        entry.uncompressedSize > entry.compressedSize * QDPX_LIMITS.maxRatio
      )
        return fail(
          refused(
            `one file is compressed ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))}:1, more than the ${QDPX_LIMITS.maxRatio}:1 text reaches; it looks like a “zip bomb”`,
          ),
        );
      entries.push(entry);
      file.readEntry();
    });
    file.on('end', () => resolve(entries));
    file.readEntry();
  });
}

function readEntry(file: ZipFile, entry: Entry, maxBytes: number): Promise<Buffer> {
  if (entry.uncompressedSize > maxBytes)
    return Promise.reject(refused(`“${entry.fileName}” is larger than ${Math.round(maxBytes / MB)} MB`));
  return new Promise((resolve, reject) => {
    file.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(damaged(err?.message));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          stream.destroy();
          reject(refused(`“${entry.fileName}” holds more data than its header declares; it looks like a “zip bomb”`));
        } else chunks.push(chunk);
      });
      stream.on('error', (e: Error) =>
        reject(
          /too many bytes/i.test(e.message)
            ? refused(`“${entry.fileName}” holds more data than its header declares; it looks like a “zip bomb”`)
            : damaged(e.message),
        ),
      );
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

export async function openQdpx(bytes: Buffer): Promise<QdpxArchive> {
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50)
    throw new AppError(
      'unprocessable',
      'This file is not a REFI-QDA project: a .qdpx file is a zip archive holding project.qde. Nothing was imported.',
    );
  const file = await open(bytes);
  if (file.entryCount > QDPX_LIMITS.maxEntries) {
    file.close();
    throw refused(`it lists ${file.entryCount} files, more than the ${QDPX_LIMITS.maxEntries} allowed`);
  }
  const entries = await directory(file);
  const byName = new Map<string, Entry>();
  for (const e of entries) if (!e.fileName.endsWith('/')) byName.set(e.fileName.normalize('NFC').toLowerCase(), e);
  return {
    names: entries.map((e) => e.fileName),
    read: async (name, maxBytes) => {
      const entry = byName.get(name.normalize('NFC').toLowerCase());
      return entry ? readEntry(file, entry, maxBytes) : null;
    },
    close: () => file.close(),
  };
}
