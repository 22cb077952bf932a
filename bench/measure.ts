/** Median of the per-call time of `work`, in microseconds, over `rounds` rounds of `batch` calls after a warm-up. */
export function medianMicroseconds(work: () => unknown, { rounds = 101, batch = 200 } = {}): number {
  for (let i = 0; i < batch * 10; i++) work();
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) work();
    samples.push(Number(process.hrtime.bigint() - start) / 1000 / batch);
  }
  return median(samples);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
