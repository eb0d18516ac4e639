/** Percentiles, resource sampling and plain-text tables for the benchmark's output. */

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/** Nearest-rank percentile of already sorted samples. */
function rank(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function latency(samples: readonly number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  const sum = s.reduce((a, b) => a + b, 0);
  return { n: s.length, p50: rank(s, 50), p95: rank(s, 95), p99: rank(s, 99), mean: s.length ? sum / s.length : Number.NaN, max: s.at(-1) ?? Number.NaN };
}

export const MB = 1024 * 1024;

/** Tracks the highest resident set size seen, sampling on a timer and on demand. */
export class RssSampler {
  private peak = 0;
  private timer: NodeJS.Timeout | undefined;

  start(everyMs = 50): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
    return this;
  }

  sample(): number {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
    return rss;
  }

  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    return this.peak;
  }
}

/** Peak RSS of this process over its whole life, as the kernel counted it (bytes). */
export const maxRss = (): number => process.resourceUsage().maxRSS * 1024;

/** CPU seconds (user + system) this process spent since `since`. */
export function cpuSeconds(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
}

export const fixed = (v: number, digits = 1): string => (Number.isFinite(v) ? v.toFixed(digits) : '–');

/** A titled, column-aligned text table. */
export function table(title: string, header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const line = (r: readonly string[]): string => r.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join('  ');
  return [`\n${title}`, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
