import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { Row } from './measure';
import type { Seeded } from './seeded';

export interface Run {
  seeded: Seeded;
  rows: Row[];
}

const bareSuffix = ' — bare Fastify + pg, same SQL';
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const deskOf = (group: string) => group.replace(/ \(\d+ waiting\)$/, '');
const find = (rows: Row[], test: (r: Row) => boolean) => rows.find(test);

/** Each list beside its yardstick: the system's share of the same SQL's throughput. */
function listRatios(rows: Row[]) {
  return rows
    .filter(
      (r) =>
        !r.scenario.includes('bare') &&
        find(rows, (b) => b.group === r.group && b.scenario === r.scenario + bareSuffix),
    )
    .map((r) => {
      const bare = find(rows, (b) => b.group === r.group && b.scenario === r.scenario + bareSuffix)!;
      return { row: r, ratio: r.rps / bare.rps };
    });
}

function goalLines(runs: Run[], extra: Row[]): string[] {
  const lines: string[] = [];
  const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
  for (const run of runs) {
    const { rows, seeded } = run;
    const label = `${seeded.engine}, ${seeded.applications.toLocaleString('en')} applications`;
    const ratios = listRatios(rows);
    if (ratios.length) {
      const worst = ratios.reduce((a, b) => (a.ratio < b.ratio ? a : b));
      lines.push(
        `| lists and searches / same SQL through bare Fastify + pg (worst of ${ratios.length}) | ≥ 0.6× | ${label} | ${worst.ratio.toFixed(2)}× (${deskOf(worst.row.group)}: ${worst.row.scenario}) | ${verdict(worst.ratio >= 0.6)} |`,
      );
    }
    const first = find(rows, (r) => r.group.startsWith('评委会') && r.scenario === '申报审核 first page');
    if (first) {
      lines.push(
        `| the committee's 申报审核, first page (${first.group.match(/\d+ waiting/)?.[0] ?? ''}) | ≥ 1,000 req/s | ${label} | ${fmt(first.rps)} req/s | ${verdict(first.rps >= 1000)} |`,
      );
    }
    const health = find(rows, (r) => r.scenario === 'GET /api/health');
    const select1 = find(rows, (r) => r.scenario.startsWith('bare Fastify GET /select1'));
    if (health && select1) {
      const ratio = health.rps / select1.rps;
      lines.push(
        `| /api/health / bare \`select 1\` | ≥ 0.6× | ${label} | ${ratio.toFixed(2)}× (${fmt(health.rps)} vs ${fmt(select1.rps)} req/s) | ${verdict(ratio >= 0.6)} |`,
      );
    }
    const login = find(rows, (r) => r.scenario.startsWith('POST /api/auth/login'));
    const argon = find(rows, (r) => r.scenario.startsWith('bare Fastify POST /argon2'));
    if (login && argon) {
      const ratio = login.rps / argon.rps;
      lines.push(
        `| login burst / bare argon2id verify | ≥ 0.9× | ${label} | ${ratio.toFixed(2)}× (${fmt(login.rps)} vs ${fmt(argon.rps)} req/s) | ${verdict(ratio >= 0.9)} |`,
      );
    }
    const pdf = find(rows, (r) => r.scenario.startsWith('打印 PDF'));
    if (pdf)
      lines.push(`| one full PDF, warm, median | ≤ 150 ms | ${label} | ${pdf.p50} ms | ${verdict(pdf.p50 <= 150)} |`);
    const exported = find(rows, (r) => r.scenario.startsWith('导出评审名单'));
    if (exported) {
      lines.push(
        `| xlsx export, median (${exported.scenario.replace('导出评审名单 ', '')}) | ≤ 2 s, flat memory | ${label} | ${(exported.p50 / 1000).toFixed(2)} s | ${verdict(exported.p50 <= 2000 && exported.errors === 0)} |`,
      );
    }
  }
  // p99 at the large size over the small one, list by list, on PostgreSQL.
  const postgres = runs
    .filter((r) => r.seeded.engine === 'PostgreSQL')
    .sort((a, b) => a.seeded.applications - b.seeded.applications);
  if (postgres.length >= 2) {
    const small = postgres[0]!;
    const large = postgres.at(-1)!;
    const growth = large.rows
      .filter((r) => r.group !== 'platform' && r.group !== 'a day’s work' && !r.scenario.includes('bare'))
      .map((r) => {
        const before = find(small.rows, (s) => deskOf(s.group) === deskOf(r.group) && s.scenario === r.scenario);
        return before ? { row: r, ratio: r.p99 / Math.max(before.p99, 1) } : undefined;
      })
      .filter((g) => g !== undefined);
    if (growth.length) {
      const worst = growth.reduce((a, b) => (a.ratio > b.ratio ? a : b));
      lines.push(
        `| p99 of each list at ${large.seeded.applications.toLocaleString('en')} / at ${small.seeded.applications.toLocaleString('en')} applications (worst of ${growth.length}) | ≤ 1.5× | PostgreSQL | ${worst.ratio.toFixed(2)}× (${deskOf(worst.row.group)}: ${worst.row.scenario}, ${worst.row.p99} ms) | ${verdict(worst.ratio <= 1.5)} |`,
      );
    }
  }
  for (const r of extra.filter((e) => e.scenario === 'deadline day: every request')) {
    lines.push(
      `| deadline-day replay (${r.data}) | 0 errors, 0 lost | PostgreSQL | ${r.errors} errors and lost | ${verdict(r.errors === 0)} |`,
    );
  }
  return lines;
}

function table(rows: Row[]): string {
  const body = rows
    .map((r) => `| ${r.group} | ${r.scenario} | ${r.connections} | ${fmt(r.rps)} | ${r.p50} | ${r.p99} | ${r.errors} |`)
    .join('\n');
  return `| desk or group | scenario | connections | req/s (mean) | p50 ms | p99 ms | errors + non-2xx |\n|---|---|---|---|---|---|---|\n${body}`;
}

export function writeReport(input: { runs: Run[]; extra: Row[]; loadAtStart: number; seconds: number }): void {
  const cpu = cpus();
  const sections = input.runs
    .map((run) => {
      const s = run.seeded;
      const desks = Object.values(s.desks)
        .map((d) => `${d.orgName} ${d.waiting.toLocaleString('en')}`)
        .join('; ');
      return `### ${s.engine}, ${s.applications.toLocaleString('en')} applications\n\nSeeded in ${s.seedSeconds.toFixed(0)} s (\`npm run seed:scale\`). Waiting at the desks measured: ${desks}.\n\n${table(run.rows)}`;
    })
    .join('\n\n');
  const doc = `# Benchmarks

Written by \`npm run bench\` (bench/run.ts); docs/performance.md says what is measured and how to read it.
Each scenario runs ${input.seconds} s with autocannon (10 connections) from the same machine, against the
system started as \`npm start\` would start it, on data generated by \`npm run seed:scale\`. Each list is
measured beside a bare Fastify + pg route serving the very SQL the system sent for it (caught from the
services), in the same run.

- Date: ${new Date().toISOString()}
- Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, Node ${process.version}; load average at start ${input.loadAtStart.toFixed(1)}
- Command: \`npm run bench\`${process.env.BENCH_DATABASE_URL ? ` with BENCH_DATABASE_URL, BENCH_APPLICATIONS=${process.env.BENCH_APPLICATIONS ?? '14000'}` : ''}

## Goals

| figure | goal | run | measured | |
|---|---|---|---|---|
${goalLines(input.runs, input.extra).join('\n')}

## Figures

${sections}
${input.extra.length ? `\n### Deadline day and many servers (PostgreSQL)\n\n${table(input.extra)}\n` : ''}`;
  writeFileSync('docs/benchmarks.md', doc);
}
