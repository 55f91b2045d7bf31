import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatchJournal, decodeRecord, encodeRecord, JOURNAL_DIR } from './batchJournal';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'hashiya-journal-unit-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const records = async () => (await readdir(path.join(root, JOURNAL_DIR)).catch(() => [] as string[])).sort();
const noSync = async () => undefined;

describe('journal records', () => {
  it('keep every text byte for byte (Arabic, emoji) and refuse one with a byte changed or cut', () => {
    const entries = [
      { id: 'a', text: '{"t":"وقف إطلاق النار 🙂"}' },
      { id: 'b', text: '' },
    ];
    const bytes = encodeRecord(entries);
    expect(decodeRecord(bytes)).toEqual(entries);
    expect(decodeRecord(bytes.subarray(0, bytes.length - 1))).toMatch(/shorter than its header/);
    const changed = Buffer.from(bytes);
    changed.writeUInt8((changed.at(-3) as number) ^ 1, changed.length - 3);
    expect(decodeRecord(changed)).toMatch(/checksum/);
    expect(decodeRecord(Buffer.from('{"format":"hashiya-journal"'))).toMatch(/first line is incomplete/);
  });
});

describe('retiring records', () => {
  it('a record whose write-back failed stays until a later write-back rewrites its document; then both go, in order', async () => {
    const journal = new BatchJournal(root);
    const first = await journal.commit([
      { id: 'a', text: '1' },
      { id: 'b', text: '1' },
    ]);
    journal.writeBack(first, {
      write: async (id) => {
        if (id === 'b') throw new Error('disk full');
      },
      syncDocuments: noSync,
    });
    await journal.settled();
    expect(await records()).toEqual(['000000000001.batch']);
    expect(journal.holds('a')).toBe(true);

    // the retry of b (journaled, since a record still holds it) writes the newest text
    const second = await journal.commit([{ id: 'b', text: '2' }]);
    journal.writeBack(second, { write: async () => undefined, syncDocuments: noSync });
    await journal.settled();
    expect(await records()).toEqual([]);
    expect(journal.holds('a') || journal.holds('b') || journal.busy).toBe(false);
  });

  it('recovery writes the newest text of each document, records oldest first, then removes them', async () => {
    const journal = new BatchJournal(root);
    await journal.commit([
      { id: 'a', text: 'old a' },
      { id: 'b', text: 'b' },
    ]);
    await journal.commit([{ id: 'a', text: 'new a' }]);
    const written: Record<string, string> = {};
    const ids = await new BatchJournal(root).recover(() => undefined, {
      write: async ({ id, text }) => {
        written[id] = text;
      },
      syncDocuments: noSync,
    });
    expect(ids.sort()).toEqual(['a', 'b']);
    expect(written).toEqual({ a: 'new a', b: 'b' });
    expect(await records()).toEqual([]);
  });

  it('recovery that cannot write a document leaves every record for the next start', async () => {
    await new BatchJournal(root).commit([{ id: 'a', text: 'x' }]);
    const failing = new BatchJournal(root).recover(() => undefined, {
      write: async () => {
        throw new Error('disk full');
      },
      syncDocuments: noSync,
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(await records()).toEqual(['000000000001.batch']);
  });
});
