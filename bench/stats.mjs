// Percentiles for the benchmarks that run in node (run.mjs, timeline.mjs, visits.mjs,
// lighthouse.mjs): the value below which p% of the samples fall, NaN when there are none.

/** The p-th percentile of `values` (any order). */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export const median = (values) => percentile(values, 50);

/** Count, p50, p95 and maximum of `field` over the samples that have it. */
export function stats(samples, field) {
  const values = samples.map((sample) => sample[field]).filter((value) => value !== undefined);
  return { n: values.length, p50: percentile(values, 50), p95: percentile(values, 95), max: percentile(values, 100) };
}
