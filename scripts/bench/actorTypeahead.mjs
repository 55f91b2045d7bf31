// Micro-benchmark of the actor type-ahead (issue 15): 10,000 actors with Arabic and Latin names
// and aliases, one index built once, then every keystroke of typed names answered with a ranked
// list. Prints one JSON line on stdout: {"actor_typeahead_ms": median per keystroke, ...}.
//   node scripts/bench/actorTypeahead.mjs [actors]
// Bundles src/shared/claims/typeahead.ts and the benches' actor generator (actors.ts) with rolldown (installed with Vite) and runs it here.
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'rolldown';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..', '..');
const ACTORS = Number(process.argv[2] ?? 10_000);

const cache = path.join(root, 'node_modules', '.cache');
await mkdir(cache, { recursive: true });
const outDir = await mkdtemp(path.join(cache, 'bench-typeahead-'));
process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));
await build({
  input: {
    typeahead: path.join(root, 'src/shared/claims/typeahead.ts'),
    actors: path.join(root, 'scripts/bench/actors.ts'),
  },
  platform: 'node',
  external: (id) => !id.startsWith('.') && !path.isAbsolute(id),
  output: { dir: outDir, entryFileNames: '[name].mjs', format: 'esm' },
  logLevel: 'warn',
});
const { buildActorIndex } = await import(pathToFileURL(path.join(outDir, 'typeahead.mjs')).href);
const { generatedActors } = await import(pathToFileURL(path.join(outDir, 'actors.mjs')).href);

// the benches' one generator (scripts/bench/actors.ts); every tenth a place, which a search for actors passes over
const entities = generatedActors(ACTORS, { placeEvery: 10 });

const t0 = performance.now();
const index = buildActorIndex(entities);
const indexBuildMs = performance.now() - t0;

const TYPED = ['خليفه حفتر', 'ولحفتر', 'المشير حفتر', 'Macron', 'فائز السراج', 'سراج', 'عبد الله بن شرادة', 'ستيفاني'];
const times = [];
let hits = 0;
// round 0 warms the JIT up and is not counted
for (let round = 0; round <= 5; round++) {
  for (const word of TYPED) {
    for (let k = 1; k <= [...word].length; k++) {
      const q = [...word].slice(0, k).join('');
      const s = performance.now();
      const n = index.search(q, { kind: 'actor', limit: 20 }).length;
      if (round === 0) continue;
      hits += n;
      times.push(performance.now() - s);
    }
  }
}
times.sort((a, b) => a - b);
const at = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
const round2 = (x) => Math.round(x * 100) / 100;
console.log(
  JSON.stringify({
    actor_typeahead_ms: round2(at(0.5)),
    actor_typeahead_p95_ms: round2(at(0.95)),
    actor_typeahead_max_ms: round2(times[times.length - 1]),
    index_build_ms: round2(indexBuildMs),
    actors: ACTORS,
    spellings: ACTORS * 4,
    keystrokes: times.length,
    hits,
  }),
);
