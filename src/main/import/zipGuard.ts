/**
 * A .docx is a zip archive. Before anything is expanded, its central directory is read (yauzl) and
 * the archive is refused when it is damaged, encrypted, has too many entries, or declares more
 * uncompressed bytes (or a higher compression ratio) than an article could need. Then each entry
 * is streamed through the decompressor and counted, never kept, so an entry that lies about its
 * size is caught with bounded memory. Only then may mammoth open it.
 */
import type { Entry, ZipFile } from 'yauzl';
import { AppError } from '@shared/errors';
import { ZIP_LIMITS, type ZipLimits } from './limits';

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

export interface ZipSummary {
  entries: ZipEntryInfo[];
  totalUncompressed: number;
  /** contents of the entries asked for in `keep` (small metadata parts) */
  kept: Map<string, Buffer>;
}

export interface InspectOptions {
  limits?: ZipLimits;
  /** entry names whose bytes to keep while they are counted (each at most 1 MB) */
  keep?: readonly string[];
}

const MAX_KEPT_BYTES = 1024 * 1024;

const MB = 1024 * 1024;

function corrupt(detail?: string): AppError {
  return new AppError(
    'unprocessable',
    `The Word document is damaged and cannot be opened${detail ? ` (${detail})` : ''}. Open it in Word or LibreOffice and save it again.`,
  );
}

function bomb(reason: string): AppError {
  return new AppError(
    'unprocessable',
    `The Word document was refused because it would expand to far more data than an article can hold (${reason}); it looks like a “zip bomb”. Nothing was unpacked.`,
  );
}

const encrypted = () =>
  new AppError(
    'unprocessable',
    'The Word document is encrypted (protected with a password). Remove the password in Word, save it again, and import it.',
  );

async function openZip(bytes: Buffer): Promise<ZipFile> {
  // loaded when an archive is first read, not at start-up
  const { default: yauzl } = await import('yauzl');
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      bytes,
      { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false },
      (err, zip) => {
        if (err || !zip) reject(corrupt(err?.message));
        else resolve(zip);
      },
    );
  });
}

/** Every entry of the central directory, checked against the limits as it is read. */
function readDirectory(zip: ZipFile, limits: ZipLimits): Promise<{ entries: Entry[]; total: number }> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    let total = 0;
    const fail = (err: AppError) => {
      zip.removeAllListeners('entry');
      zip.close();
      reject(err);
    };
    zip.on('error', (err: Error) => fail(corrupt(err.message)));
    zip.on('entry', (entry: Entry) => {
      if (entry.isEncrypted()) return fail(encrypted());
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        return fail(corrupt(`an entry uses compression method ${entry.compressionMethod}`));
      }
      total += entry.uncompressedSize;
      if (total > limits.maxTotalUncompressed) {
        return fail(
          bomb(`its entries declare more than ${Math.round(limits.maxTotalUncompressed / MB)} MB uncompressed`),
        );
      }
      if (
        entry.uncompressedSize > limits.ratioFloor &&
        entry.uncompressedSize > entry.compressedSize * limits.maxRatio
      ) {
        const ratio = Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize));
        return fail(bomb(`one entry is compressed ${ratio}:1, more than the ${limits.maxRatio}:1 a document reaches`));
      }
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve({ entries, total }));
    zip.readEntry();
  });
}

/** Decompress one entry into nothing, counting bytes; yauzl fails the stream if the count differs from the header. */
function drain(zip: ZipFile, entry: Entry, keep: boolean): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(corrupt(err?.message));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (keep && size <= MAX_KEPT_BYTES) chunks.push(chunk);
      });
      stream.on('error', (e: Error) => {
        stream.destroy();
        reject(
          /too many bytes/i.test(e.message)
            ? bomb('an entry holds more data than its header declares')
            : corrupt(e.message),
        );
      });
      stream.on('end', () => resolve(keep && size <= MAX_KEPT_BYTES ? Buffer.concat(chunks) : null));
    });
  });
}

export async function inspectZip(bytes: Uint8Array, options: InspectOptions = {}): Promise<ZipSummary> {
  const limits = options.limits ?? ZIP_LIMITS;
  const keep = new Set(options.keep ?? []);
  const kept = new Map<string, Buffer>();
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const zip = await openZip(buffer);
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw bomb(`it lists ${zip.entryCount} files, more than the ${limits.maxEntries} a document has`);
  }
  const { entries, total } = await readDirectory(zip, limits);
  try {
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      const content = await drain(zip, entry, keep.has(entry.fileName));
      if (content) kept.set(entry.fileName, content);
    }
  } finally {
    zip.close();
  }
  return {
    entries: entries.map((e) => ({
      name: e.fileName,
      compressedSize: e.compressedSize,
      uncompressedSize: e.uncompressedSize,
    })),
    totalUncompressed: total,
    kept,
  };
}
