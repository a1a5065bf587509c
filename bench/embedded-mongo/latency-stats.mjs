// Summaries of measured latencies, the same way for every figure in RESULTS.md.

/** Milliseconds since `start` (a process.hrtime.bigint() value). */
export function millisecondsSince(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Nearest-rank percentile of an array of milliseconds. */
export function percentile(samples, fraction) {
  if (samples.length === 0) return Number.NaN;
  const sorted = Float64Array.from(samples).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank];
}

export function summarise(samples) {
  return {
    count: samples.length,
    p50: round(percentile(samples, 0.5)),
    p99: round(percentile(samples, 0.99)),
    max: round(percentile(samples, 1)),
  };
}

export function round(value, digits = 3) {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/**
 * Runs `operation` from `concurrency` loops until `maxOperations` have been
 * started or `maxMilliseconds` have passed; returns throughput and latency.
 */
export async function runConcurrently({ concurrency, maxOperations, maxMilliseconds, operation }) {
  const latencies = [];
  let started = 0;
  const begin = process.hrtime.bigint();
  const loop = async () => {
    while (started < maxOperations && millisecondsSince(begin) < maxMilliseconds) {
      const sequence = started++;
      const start = process.hrtime.bigint();
      await operation(sequence);
      latencies.push(millisecondsSince(start));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const seconds = millisecondsSince(begin) / 1000;
  return {
    concurrency,
    operations: latencies.length,
    seconds: round(seconds),
    perSecond: Math.round(latencies.length / seconds),
    latencyMs: summarise(latencies),
  };
}
