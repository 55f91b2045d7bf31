/**
 * Search latency and tag-all on a synthetic corpus of 10,000 Arabic articles (scripts/bench/
 * searchBench.ts): first search with no index (builds every index, while another call is
 * answered), first search after reopening (the first query of a session: reads the persisted
 * index), warm searches, then tag-all over 1,000 hits and its undo. Run it with
 * `node scripts/bench-search.mjs [documents]`; `npm run bench` runs the same measurements.
 * The figures the issue sets targets for end the output as `name: value` lines.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { measureSearch, writeSearchCorpus } from './bench/searchBench';

const COUNT = Number(process.argv[2] ?? 10_000);

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-bench-search-'));
  try {
    const started = performance.now();
    const { chars } = await writeSearchCorpus(dir, COUNT);
    const written = performance.now() - started;
    console.log(
      `machine: ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')} (others' work slows these numbers)`,
    );
    console.log(
      `corpus: ${COUNT} documents, ${(chars / 1e6).toFixed(1)} M characters (written in ${(written / 1000).toFixed(1)} s)`,
    );
    const { figures } = await measureSearch(dir, 7, (line) => console.log(line));
    for (const [name, value] of Object.entries(figures)) console.log(`${name}: ${value.toFixed(1)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
