/** Timing helpers: run an operation n times, report median and p99 in milliseconds. */
export interface Timing {
  median: number;
  p99: number;
  n: number;
}

export function time(n: number, op: (i: number) => unknown, warmup = Math.min(20, n)): Timing {
  for (let i = 0; i < warmup; i++) op(i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    op(i);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return summarize(samples);
}

export async function timeAsync(
  n: number,
  op: (i: number) => Promise<unknown>,
  warmup = Math.min(20, n),
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await op(i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await op(i);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return summarize(samples);
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p99: at(0.99), n: samples.length };
}

export const ms = (v: number) => (v < 1 ? v.toFixed(3) : v < 10 ? v.toFixed(2) : v.toFixed(1));

/** One measured operation as the bench prints it: the desk's median / p99 beside the floor's, and their ratio. */
export function resultLine(name: string, desk: Timing, raw: Timing, target?: string, width = 44): string {
  const ratio = desk.median / Math.max(raw.median, 1e-6);
  return `  ${name.padEnd(width)} desk ${ms(desk.median).padStart(7)} / ${ms(desk.p99).padStart(7)} ms   raw ${ms(raw.median).padStart(7)} / ${ms(raw.p99).padStart(7)} ms   x${ratio.toFixed(1).padStart(5)}${target ? `   target ${target}` : ''}`;
}
