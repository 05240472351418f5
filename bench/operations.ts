import { readFileSync } from 'node:fs';
import { signIn, loginBody, browserSession } from './api-client';
import type { BenchPlan } from './plan';
import { measure, measureCalls, type Row } from './measure';

export interface OperationBench {
  base: string;
  bareBase: string;
  password: string;
  engine: string;
  data: string;
  /** The server's process, whose peak memory the export reads. */
  serverPid: number;
}

type Context = { group: string; engine: string; data: string };

/** The server's resident memory now and at its peak (Linux), in MiB. */
function memoryOf(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/** /api/health beside bare `select 1`, and the login burst beside one bare argon2id verify. */
export async function platformScenarios(bench: OperationBench, unit: { username: string }): Promise<Row[]> {
  const context: Context = { group: 'platform', engine: bench.engine, data: bench.data };
  const anonymous = await browserSession(bench.base);
  const login = JSON.stringify(loginBody('unit', unit.username, bench.password));
  return [
    await measure(context, 'GET /api/health', { url: `${bench.base}/api/health` }),
    await measure(context, 'bare Fastify GET /select1 (one select 1)', { url: `${bench.bareBase}/select1` }),
    await measure(context, 'bare Fastify GET /health (no database)', { url: `${bench.bareBase}/health` }),
    await measure(context, 'POST /api/auth/login burst (unit, argon2id)', {
      url: `${bench.base}/api/auth/login`,
      method: 'POST',
      headers: anonymous.headers,
      body: login,
    }),
    await measure(context, 'bare Fastify POST /argon2 (one argon2id verify)', {
      url: `${bench.bareBase}/argon2`,
      method: 'POST',
    }),
  ];
}

/**
 * What a day's work costs, request by request: an applicant's draft save, the committee's batch decision
 * of 50, its 查看申报表 and the PDF, a 10,000-row export, the applicant's 我的消息.
 */
export async function workScenarios(bench: OperationBench, plan: BenchPlan): Promise<Row[]> {
  const context: Context = { group: 'a day’s work', engine: bench.engine, data: bench.data };
  const rows: Row[] = [];

  // 保存 (表三) by ten applicants with drafts at once, each on their own draft.
  const drafters = await Promise.all(
    plan.drafts.map(async (d) => ({
      browser: await signIn(bench.base, 'applicant', d.idNumber, bench.password),
      id: d.id,
      version: d.version,
    })),
  );
  const summary = '任现职以来，本人从事档案收集、整理、鉴定和利用工作。'.repeat(120);
  rows.push(
    await measureCalls(
      context,
      '保存 表三 (draft save, 3,000 characters)',
      { total: 300, concurrency: drafters.length },
      async (i, worker) => {
        const d = drafters[worker]!;
        const response = await d.browser.send('PUT', `/api/applications/${d.id}/tables/table3`, {
          version: d.version,
          data: { summary: `${summary}${i}` },
        });
        if (response.ok) d.version = ((await response.clone().json()) as { version: number }).version;
        return response;
      },
    ),
  );

  const committee = await signIn(bench.base, 'reviewer', plan.desks[0]!.username, bench.password);
  const { waiting } = plan;
  rows.push(
    await measureCalls(
      context,
      '审核 通过, 50 applications a request',
      { total: Math.floor(waiting.length / 50), concurrency: 2 },
      (i) =>
        committee.send('POST', '/api/review/decisions', {
          action: 'approve',
          opinion: '材料齐全，同意。',
          items: waiting.slice(i * 50, i * 50 + 50).map((a) => ({ id: String(a.id), version: a.version })),
        }),
    ),
  );

  const viewed = { id: plan.viewedId };
  rows.push(
    await measure(context, '查看申报表 (form view)', {
      url: `${bench.base}/api/applications/${viewed.id}/sheet`,
      headers: committee.headers,
    }),
  );
  rows.push(
    await measureCalls(context, '打印 PDF (whole form, warm)', { total: 30, concurrency: 1 }, () =>
      committee.get(`/api/applications/${viewed.id}/sheet/pdf`),
    ),
  );

  const { exportDesk } = plan;
  const exporter = await signIn(bench.base, exportDesk.kind, exportDesk.username, bench.password);
  const before = memoryOf(bench.serverPid);
  const exported = await measureCalls(
    context,
    `导出评审名单 (${exportDesk.rows} rows: ${exportDesk.query})`,
    { total: 3, concurrency: 1 },
    () => exporter.get(`/api/review/${exportDesk.query}`),
  );
  const after = memoryOf(bench.serverPid);
  exported.scenario += `, server RSS ${before.rss.toFixed(0)} → ${after.rss.toFixed(0)} MiB (peak ${after.peak.toFixed(0)})`;
  rows.push(exported);

  const reader = drafters[0]!.browser;
  rows.push(
    await measure(context, '我的消息 (inbox)', {
      url: `${bench.base}/api/messages/inbox?page=1&pageSize=10`,
      headers: reader.headers,
    }),
  );
  return rows;
}
