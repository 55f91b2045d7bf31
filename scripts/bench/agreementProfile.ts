/**
 * A profile of agreement.report on the bench's project (agreementBench.ts), for finding its hot
 * spots: run by scripts/bench.mjs with BENCH_ENTRY=agreementProfile, under `node --cpu-prof`
 * (`node --cpu-prof --cpu-prof-dir=dir scripts/bench.mjs`) or alone for its timings.
 * PROFILE_OUT=file writes a CPU profile of the timed calls only, PROFILE_HEAP=file a sampling profile
 * of their allocations. PROFILE_CALLS reports (default 60) after PROFILE_WARM_UPS (default 10); prints the
 * median and least time to stderr. PROFILE_INPUT: the report's input as JSON
 * (default {}); PROFILE_FLOOR=1 runs the bench's floor three times after each call, as the bench does;
 * PROFILE_EACH=1 prints every call's time.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { floorMs, openAgreementProject } from './agreementBench';
import { loadCorpus } from './corpus';
import { median } from './report';

const root = process.env.BENCH_ROOT ?? process.cwd();
const calls = Number(process.env.PROFILE_CALLS ?? 60);
const warmUps = Number(process.env.PROFILE_WARM_UPS ?? 10);
const input = JSON.parse(process.env.PROFILE_INPUT ?? '{}') as object;
const dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-agreement-'));
try {
  const corpus = await loadCorpus(root);
  const { store, services, files } = await openAgreementProject(corpus, dir);
  try {
    for (let w = 0; w < warmUps; w++) await services.dispatch('agreement.report', input as never);
    // PROFILE_OUT=file: a CPU profile of the timed calls alone (not the project's making, not the warm-ups)
    // PROFILE_HEAP=file: a sampling profile of what the timed calls allocate
    const out = process.env.PROFILE_OUT;
    const heap = process.env.PROFILE_HEAP;
    const session = out || heap ? new Session() : null;
    if (session) session.connect();
    if (session && out) {
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 100 });
      await session.post('Profiler.start');
    }
    if (session && heap)
      await session.post('HeapProfiler.startSampling', {
        samplingInterval: 4096,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
    const times: number[] = [];
    const faults = process.resourceUsage().minorPageFault;
    // (and each call's processor time, all threads: less moved by other processes on a shared machine)
    const cpu: number[] = [];
    for (let c = 0; c < calls; c++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await services.dispatch('agreement.report', input as never);
      times.push(performance.now() - t0);
      const used = process.cpuUsage(c0);
      cpu.push((used.user + used.system) / 1000);
      // PROFILE_FLOOR=1: the floor's passes after each call, as the bench runs them
      if (process.env.PROFILE_FLOOR) for (let f = 0; f < 3; f++) floorMs(files);
    }
    if (session && out) {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(out, JSON.stringify(profile));
    }
    if (session && heap) {
      const { profile } = await session.post('HeapProfiler.stopSampling');
      await writeFile(heap, JSON.stringify(profile));
    }
    session?.disconnect();
    if (process.env.PROFILE_EACH) process.stderr.write(`${times.map((t) => t.toFixed(1)).join(' ')}\n`);
    process.stderr.write(
      `[agreement profile] ${calls} calls: median ${median(times).toFixed(1)} ms, min ${Math.min(...times).toFixed(1)} ms, processor ${median(cpu).toFixed(1)} ms, ${Math.round((process.resourceUsage().minorPageFault - faults) / calls)} page faults a call\n`,
    );
  } finally {
    await store.close();
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
