import autocannon from 'autocannon';

/** One measured scenario: what every part of the benchmark reports. */
export interface Figure {
  scenario: string;
  engine: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** One figure of the page, with its table's group and the data it ran on. */
export interface Row extends Figure {
  group: string;
  /** The data: how many applications, how many at the desk. */
  data: string;
}

export const seconds = Number(process.env.BENCH_SECONDS ?? 10);

type Context = Pick<Row, 'group' | 'engine' | 'data'>;

/** Requests for `seconds` (or `amount` of them) from `connections` at once, with autocannon. */
export async function measure(context: Context, scenario: string, options: autocannon.Options): Promise<Row> {
  const result = await autocannon({ duration: seconds, connections: 10, ...options });
  const errors = result.errors + result.non2xx + result.timeouts;
  const row: Row = {
    ...context,
    scenario,
    connections: options.connections ?? 10,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors,
  };
  print(row);
  return row;
}

export function print(row: Row): void {
  console.log(
    `${row.group} · ${row.scenario} [${row.engine}, ${row.data}]: ${row.rps.toFixed(row.rps >= 100 ? 0 : 1)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, errors ${row.errors}`,
  );
}

/**
 * `total` calls of `call(i)`, `concurrency` at a time, each timed: for operations that change what they
 * act on (a submission, a decision), where every request needs its own object.
 */
export async function measureCalls(
  context: Context,
  scenario: string,
  options: { total: number; concurrency: number },
  call: (i: number, worker: number) => Promise<Response>,
): Promise<Row> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async (_: unknown, w: number) => {
    while (next < options.total) {
      const i = next++;
      const t = performance.now();
      const response = await call(i, w).catch(() => undefined);
      // Until the last byte: an export streams its rows after the headers.
      const body = await response?.arrayBuffer().catch(() => undefined);
      latencies.push(performance.now() - t);
      if (!response?.ok || body === undefined) {
        errors++;
        if (errors <= 3)
          console.warn(
            `  ${scenario} #${i}: ${response?.status} ${body ? Buffer.from(body).toString().slice(0, 300) : ''}`,
          );
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  const row: Row = {
    ...context,
    scenario,
    connections: options.concurrency,
    rps: options.total / elapsed,
    p50: at(0.5),
    p99: at(0.99),
    errors,
  };
  print(row);
  return row;
}
