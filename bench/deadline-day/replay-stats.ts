import type { Figure } from '../measure';
/** What one kind of request of the replay did: its latencies (ms, of the answers that counted) and failures. */
interface OperationStats {
  latencies: number[];
  errors: number;
  shed: number;
}

/** One line of the benchmark table (bench/run.ts's rows). */
export type ReplayRow = Figure;

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * The replay's counters: every answer that counted (2xx, or a refusal the client acts on) with its
 * latency; every 503 with Retry-After, which the client waits out and repeats; every error by its kind
 * (an HTTP status, `timeout`, `network`, `503 without Retry-After`, a refused decision's code).
 */
export class ReplayStats {
  private readonly operations = new Map<string, OperationStats>();
  readonly errorsByKind: Record<string, number> = {};
  /** A few error descriptions, for the report. */
  readonly errorSamples: string[] = [];
  shed = 0;
  private active = 0;
  peakActive = 0;

  private op(name: string): OperationStats {
    let stats = this.operations.get(name);
    if (!stats) this.operations.set(name, (stats = { latencies: [], errors: 0, shed: 0 }));
    return stats;
  }

  answered(operation: string, ms: number): void {
    this.op(operation).latencies.push(ms);
  }

  retried(operation: string): void {
    this.shed += 1;
    this.op(operation).shed += 1;
  }

  failed(operation: string, kind: string, detail: string): void {
    this.op(operation).errors += 1;
    this.errorsByKind[kind] = (this.errorsByKind[kind] ?? 0) + 1;
    if (this.errorSamples.length < 20) this.errorSamples.push(`${operation}: ${kind} ${detail}`.slice(0, 300));
  }

  get errors(): number {
    return Object.values(this.errorsByKind).reduce((a, b) => a + b, 0);
  }

  /** People (applicants, reviewers) at work at the same time: the run's "connections". */
  enter(): void {
    this.active += 1;
    this.peakActive = Math.max(this.peakActive, this.active);
  }

  leave(): void {
    this.active -= 1;
  }

  rows(engine: string, seconds: number): ReplayRow[] {
    const row = (scenario: string, latencies: number[], errors: number): ReplayRow => {
      const sorted = [...latencies].sort((a, b) => a - b);
      return {
        scenario,
        engine,
        connections: this.peakActive,
        rps: latencies.length / seconds,
        p50: Math.round(percentile(sorted, 50)),
        p99: Math.round(percentile(sorted, 99)),
        errors,
      };
    };
    const all = [...this.operations.values()];
    return [
      row(
        'deadline day: every request',
        all.flatMap((o) => o.latencies),
        this.errors,
      ),
      ...[...this.operations].map(([name, o]) => row(`deadline day: ${name}`, o.latencies, o.errors)),
    ];
  }

  requests(): number {
    return [...this.operations.values()].reduce((n, o) => n + o.latencies.length + o.errors + o.shed, 0);
  }
}
