/**
 * Reading a project bundle (export.bundle's .zip) without trusting it: the archive first passes
 * the import's zip guard (import/zipGuard.ts: central directory read, encrypted entries, entry
 * count, declared sizes and ratios, every entry streamed and counted) under the limits below; a
 * name that points outside the archive (an absolute path, a "..", a backslash, a drive letter)
 * refuses the whole bundle. Only then are the entries wanted read, each within its declared size.
 * Nothing is ever written to disk.
 */
import type { Entry, ZipFile } from 'yauzl';
import { AppError } from '@shared/errors';
import { inspectZip } from '../import/zipGuard';
import type { ZipLimits } from '../import/limits';

export const BUNDLE_LIMITS: ZipLimits = {
  maxTotalUncompressed: 400 * 1024 * 1024,
  maxRatio: 200,
  ratioFloor: 1024 * 1024,
  maxEntries: 100_010,
};

const refused = (why: string) =>
  new AppError('unprocessable', `This project bundle was refused: ${why}. Nothing was imported.`);

/** a name a careless unzip would write outside its folder */
export function unsafeEntryName(name: string): boolean {
  return (
    name.startsWith('/') ||
    name.includes('\\') ||
    /^[A-Za-z]:/.test(name) ||
    name.split('/').some((part) => part === '..') ||
    name.includes('\u0000')
  );
}

async function open(bytes: Buffer): Promise<ZipFile> {
  // loaded when an archive is first read, not at start-up
  const { default: yauzl } = await import('yauzl');
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      bytes,
      { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false },
      (err, zip) => (err || !zip ? reject(refused('it is not a readable zip archive')) : resolve(zip)),
    );
  });
}

function readEntry(zip: ZipFile, entry: Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(refused('an entry cannot be read'));
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', () => reject(refused('an entry is damaged')));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

/** The entries whose names `want` accepts, by name; AppError (422) for a hostile or damaged archive. */
export async function readBundleEntries(bytes: Buffer, want: (name: string) => boolean): Promise<Map<string, Buffer>> {
  let summary;
  try {
    summary = await inspectZip(bytes, { limits: BUNDLE_LIMITS });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (/zip bomb/.test(err.message))
      throw refused('it would expand to far more data than a project holds (it looks like a “zip bomb”)');
    if (/encrypted/.test(err.message)) throw refused('it is encrypted');
    // yauzl itself refuses such names while reading the directory
    const name = /(?:absolute path|invalid relative path|invalid characters in fileName): ([^)]*)/.exec(err.message);
    if (name)
      throw refused(`it holds a file named “${(name[1] ?? '').slice(0, 200)}”, which points outside the bundle`);
    throw refused('it is not a readable zip archive');
  }
  const bad = summary.entries.find((e) => unsafeEntryName(e.name));
  if (bad) throw refused(`it holds a file named “${bad.name.slice(0, 200)}”, which points outside the bundle`);
  const zip = await open(bytes);
  const out = new Map<string, Buffer>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', () => reject(refused('it is damaged')));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        if (entry.fileName.endsWith('/') || !want(entry.fileName)) return zip.readEntry();
        readEntry(zip, entry).then((data) => {
          out.set(entry.fileName, data);
          zip.readEntry();
        }, reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return out;
}
