/**
 * Preloaded into a benchmarked server (`node --require memoryProbe.js`, path in NODE_OPTIONS) when
 * BENCH_MEMORY_PROBE names a file: every 250 ms it samples process.memoryUsage() and writes the latest sample
 * and the highest value of each field seen so far to that file as JSON, so the benchmark can print where a
 * process's memory is (V8 heap, memory outside the heap that V8 knows of, ArrayBuffers) beside the kernel's
 * figure. Benchmark only; it is never loaded by the bot itself.
 */
import fs from 'node:fs';

export interface MemorySample {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export interface ProbeFile {
  now: MemorySample;
  max: MemorySample;
}

const file = process.env.BENCH_MEMORY_PROBE;
if (file) {
  const max: MemorySample = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    const now: MemorySample = { rss: m.rss, heapTotal: m.heapTotal, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
    for (const key of Object.keys(max) as (keyof MemorySample)[]) max[key] = Math.max(max[key], now[key]);
    try {
      // Written aside and renamed, so the benchmark never reads a half-written file.
      fs.writeFileSync(`${file}.tmp`, JSON.stringify({ now, max } satisfies ProbeFile));
      fs.renameSync(`${file}.tmp`, file);
    } catch {
      // The benchmark's directory may be gone while the process stops.
    }
  };
  sample();
  setInterval(sample, 250).unref();
}

/** The probe's last figures (undefined before the first sample). */
export function readProbe(path: string): ProbeFile | undefined {
  try {
    return JSON.parse(fs.readFileSync(path, 'utf8')) as ProbeFile;
  } catch {
    return undefined;
  }
}
