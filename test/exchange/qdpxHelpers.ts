/** Reading and making .qdpx archives in the REFI-QDA tests, and validating project.qde against the bundled XSD. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { validateXML } from 'xmllint-wasm';
import { zip } from '../../src/main/exchange/zip';

const XSD = readFileSync(path.resolve(__dirname, '../../resources/refi-qda/Project-mrt2019.xsd'), 'utf8');

/** Every file of a zip, by name (read with yauzl, independently of the import's reader). */
export function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, file) => {
      if (err || !file) return reject(err ?? new Error('no zip'));
      const out = new Map<string, Buffer>();
      file.on('entry', (entry: yauzl.Entry) => {
        file.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            file.readEntry();
          });
        });
      });
      file.on('end', () => resolve(out));
      file.on('error', reject);
      file.readEntry();
    });
  });
}

/** The schema's errors for a project.qde (empty when it is valid). */
export async function schemaErrors(qde: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'project.qde', contents: qde }],
    schema: [{ fileName: 'Project-mrt2019.xsd', contents: XSD }],
  });
  return result.errors.map((e) => e.message);
}

/** A .qdpx of these files, as base64 for import.qdpx. */
export function qdpx(files: Record<string, string | Buffer>): string {
  return zip(
    Object.entries(files).map(([name, data]) => ({ name, data: typeof data === 'string' ? Buffer.from(data) : data })),
  ).toString('base64');
}

/** The QualCoder-style project of test/fixtures/qdpx/qualcoder (project.qde and its sources/). */
export function qualCoderFixture(): Record<string, Buffer> {
  const dir = path.resolve(__dirname, '../fixtures/qdpx/qualcoder');
  const source = 'sources/3f6a9c1e-2b7d-4e8f-9a0b-1c2d3e4f5a6b.txt';
  return {
    'project.qde': readFileSync(path.join(dir, 'project.qde')),
    [source]: readFileSync(path.join(dir, source)),
  };
}
