/**
 * The deadline day's last hour, replayed against a running server: `applicants` people finish their
 * drafts (open, save 表三 one to three times, 提交前检查, 提交), arriving ever faster towards the end of
 * `minutes` real minutes, while `reviewers` desks work through what waits (list, open, 通过 in batches).
 * Every request goes through the real API with its session cookie and CSRF token; a 503 with Retry-After
 * is waited out and repeated (counted); anything else that fails is an error. Afterwards the database
 * must hold every save, submission and decision the server acknowledged: `lost` is 0 or the run failed.
 *
 * The database is seeded first: `npm run seed:scale -- --applications N --drafts D` (D ≥ applicants).
 * CLI: tsx bench/deadline-day.ts --base-url http://127.0.0.1:3000 --database-url postgres://… \
 *        --applicants 2000 --minutes 2 [--reviewers 8] [--engine PostgreSQL]
 */
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase, type Db } from '../server/src/db/database';
import { sessionCookieName } from '../server/src/http/auth-guard';
import { applicantJourney, type ApplicantLedger } from './deadline-day/applicant-journey';
import { ReplayBrowser, sleep, type ClientLimits } from './deadline-day/replay-client';
import { desksOfTheDay, draftsOfTheDay, sessionMaker } from './deadline-day/replay-people';
import { ReplayStats, type ReplayRow } from './deadline-day/replay-stats';
import { verifyAcknowledged } from './deadline-day/replay-verify';
import { workDesk, type AcknowledgedDecision } from './deadline-day/reviewer-desk';

export interface DeadlineDayOptions {
  baseUrl: string;
  /** The server's PostgreSQL database (to find the crowd, sign it in and check afterwards), or `db`. */
  databaseUrl?: string;
  /** The server's database, already open (the embedded one, in the same process). */
  db?: Db;
  applicants: number;
  /** Desks at work meanwhile (half the biggest reviewer desks, half the crowd's units); default 6. */
  reviewers?: number;
  /** Real minutes the last hour is compressed into; arrivals end at 85 % of it, the run when all are done. */
  minutes: number;
  /** Seconds a person thinks before each save and before 提交; default [1, 4]. */
  thinkSeconds?: readonly [number, number];
  /** Applications one 审核 decides; default 10. */
  decisionBatch?: number;
  /** Default: 30 s a request, 20 waited-out 503s. */
  limits?: Partial<ClientLimits>;
  /** The label of the engine in the rows; default from the database kind. */
  engine?: string;
  /** The random seed of arrivals, saves and pauses; default 1. */
  seed?: number;
  log?: (line: string) => void;
}

export interface DeadlineDayResult {
  applicants: number;
  reviewers: number;
  seconds: number;
  requests: number;
  acknowledged: { saves: number; submissions: number; decisions: number };
  /** Submissions whose retry was refused after a 503, shown as submitted afterwards (not errors). */
  settledAfterRetry: number;
  /** 503s with Retry-After, each waited out and repeated. */
  shed: number;
  errors: number;
  errorsByKind: Record<string, number>;
  errorSamples: string[];
  /** Acknowledged changes missing from the database: must be 0. */
  lost: number;
  lostSamples: string[];
  /** For docs/benchmarks.md: one row for all requests, one per kind of request. */
  rows: ReplayRow[];
}

/** mulberry32: the same crowd for the same seed. */
function randomFrom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function deadlineDay(options: DeadlineDayOptions): Promise<DeadlineDayResult> {
  const log = options.log ?? (() => undefined);
  const owned = options.db ? null : await openDatabase({ kind: 'postgres', url: options.databaseUrl!, poolSize: 4 });
  const db = options.db ?? owned!.db;
  const engine = options.engine ?? (owned ? 'PostgreSQL' : 'PGlite (embedded)');
  try {
    const random = randomFrom(options.seed ?? 1);
    const limits: ClientLimits = { timeoutMs: 30_000, maxRetries: 20, ...options.limits };
    const stats = new ReplayStats();
    const runId = randomBytes(4).toString('hex');
    const crowd = await draftsOfTheDay(db, options.applicants);
    const desks = await desksOfTheDay(db, crowd, options.reviewers ?? 6);
    const signIn = sessionMaker(db);
    const browserFor = async (accountId: number) => {
      const browser = new ReplayBrowser(options.baseUrl, stats, limits);
      browser.setCookie(sessionCookieName, await signIn(accountId));
      return browser;
    };
    log(`最后一小时（压缩为 ${options.minutes} 分钟）：${crowd.length} 人提交，${desks.length} 个审核端同时审核`);

    const since = new Date(Date.now() - 1000);
    const started = performance.now();
    const window = options.minutes * 60_000 * 0.85;
    // Arrivals with density rising as t²: half the crowd comes in the last fifth of the hour.
    const arrivals = crowd.map(() => window * Math.cbrt(random())).sort((a, b) => a - b);
    const pace = { thinkSeconds: options.thinkSeconds ?? ([1, 4] as const), random };
    const journeys = crowd.map(async (person, k): Promise<ApplicantLedger> => {
      await sleep(arrivals[k]!);
      const browser = await browserFor(person.accountId);
      stats.enter();
      try {
        return await applicantJourney(browser, person, runId, pace);
      } finally {
        stats.leave();
      }
    });
    const crowdDone = Promise.all(journeys).then(() => undefined);
    const deskPace = { batch: options.decisionBatch ?? 10, pauseSeconds: 2, until: crowdDone };
    const deskWork = desks.map(async (desk) => {
      const browser = await browserFor(desk.accountId);
      stats.enter();
      try {
        return await workDesk(browser, desk, deskPace, stats);
      } finally {
        stats.leave();
      }
    });
    const progress = setInterval(() => {
      const s = ((performance.now() - started) / 1000).toFixed(0);
      log(`  ${s} 秒：请求 ${stats.requests()}，503 ${stats.shed}，错误 ${stats.errors}`);
    }, 15_000);
    const ledgers = await Promise.all(journeys);
    const decisions: AcknowledgedDecision[] = (await Promise.all(deskWork)).flat();
    clearInterval(progress);
    const seconds = (performance.now() - started) / 1000;

    const verified = await verifyAcknowledged(db, runId, since, ledgers, decisions);
    return {
      applicants: crowd.length,
      reviewers: desks.length,
      seconds,
      requests: stats.requests(),
      acknowledged: {
        saves: ledgers.filter((l) => l.lastSaveAcknowledged > 0).length,
        submissions: ledgers.filter((l) => l.submission === 'acknowledged').length,
        decisions: decisions.length,
      },
      settledAfterRetry: ledgers.filter((l) => l.submission === 'settledAfterRetry').length,
      shed: stats.shed,
      errors: stats.errors,
      errorsByKind: stats.errorsByKind,
      errorSamples: stats.errorSamples,
      lost: verified.lost,
      lostSamples: verified.lostSamples,
      rows: stats.rows(engine, seconds),
    };
  } finally {
    await owned?.close();
  }
}

async function cli(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'base-url': { type: 'string' },
      'database-url': { type: 'string' },
      applicants: { type: 'string' },
      reviewers: { type: 'string' },
      minutes: { type: 'string' },
      engine: { type: 'string' },
    },
  });
  if (!values['base-url'] || !values['database-url'] || !values.applicants || !values.minutes) {
    console.error(
      '用法: tsx bench/deadline-day.ts --base-url URL --database-url postgres://… --applicants N --minutes M [--reviewers R]',
    );
    process.exit(2);
  }
  const result = await deadlineDay({
    baseUrl: values['base-url'],
    databaseUrl: values['database-url'],
    applicants: Number(values.applicants),
    reviewers: values.reviewers ? Number(values.reviewers) : undefined,
    minutes: Number(values.minutes),
    engine: values.engine,
    log: (line) => console.log(line),
  });
  const { rows, ...summary } = result;
  console.log(JSON.stringify(summary, null, 2));
  console.table(rows.map((r) => ({ ...r, rps: Number(r.rps.toFixed(1)) })));
  if (result.lost > 0 || result.errors > 0) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await cli();
