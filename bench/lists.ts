import type { ReviewQuery } from '#common';
import type { Config } from '../server/src/config';
import type { FieldCipher } from '../server/src/crypto/field-cipher';
import type { Db } from '../server/src/db/database';
import { systemClock } from '../server/src/clock';
import { createServices } from '../server/src/services';
import { createConsoleSmsProvider } from '../server/src/modules/sms/sms.provider';
import { actorOf } from '../server/src/modules/demo/demo.repository';
import type { ApplicantActor } from '../server/src/domain/actor';
import { signIn, type Signed } from './api-client';
import { captureSql } from './captured-sql';
import { measure, type Row } from './measure';

/** A desk the lists are read at: its sign-in and its account. */
export interface BenchDesk {
  label: string;
  kind: 'unit' | 'reviewer';
  username: string;
  accountId: number;
  waiting: number;
  /** Someone waiting there, to search for by name and ID number. */
  person: { name: string; idNumber: string };
}

export interface ListBench {
  base: string;
  /** The bare yardstick (PostgreSQL only): the SQL the system sent, served by Fastify + pg alone. */
  bare?: { base: string; databaseUrl: string; cipher: FieldCipher };
  /** The database (PostgreSQL only: the embedded one is the server's alone while it runs). */
  db?: Db;
  /** The server's configuration, for the services the yardstick's SQL is caught from. */
  config: Config;
  password: string;
  engine: string;
  data: string;
}

type Scenario = { name: string; list: 'desk' | 'records'; query: Partial<ReviewQuery> };

const query = (q: Record<string, unknown>) =>
  new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)] as [string, string])).toString();

const servicesOf = (db: Db, config: Config) =>
  createServices(db, systemClock, config, {
    smsProvider: createConsoleSmsProvider(db, systemClock, () => undefined),
    storage: undefined,
  });

/**
 * 申报审核 and 审核记录 of each desk (first page, page 500, filters, a name and an ID number), each beside
 * the same SQL through bare Fastify + pg; then the applicant's own list.
 */
export async function listScenarios(
  bench: ListBench,
  desks: BenchDesk[],
  applicant: { idNumber: string; accountId: number },
) {
  const rows: Row[] = [];
  for (const desk of desks) {
    const browser = await signIn(bench.base, desk.kind, desk.username, bench.password);
    const { person } = desk;
    const scenarios: Scenario[] = [
      { name: '申报审核 first page', list: 'desk', query: { page: 1, pageSize: 20 } },
      { name: '申报审核 page 500', list: 'desk', query: { page: 500, pageSize: 20 } },
      {
        name: '申报审核 filter (year, level)',
        list: 'desk',
        query: { page: 1, pageSize: 20, year: new Date().getFullYear(), titleLevel: 'associateSenior' },
      },
      { name: '申报审核 name search', list: 'desk', query: { page: 1, pageSize: 20, keyword: person.name } },
      { name: '申报审核 ID search', list: 'desk', query: { page: 1, pageSize: 20, keyword: person.idNumber } },
      { name: '审核记录 first page', list: 'records', query: { page: 1, pageSize: 20 } },
      { name: '审核记录 page 500', list: 'records', query: { page: 500, pageSize: 20 } },
    ];
    const context = { group: `${desk.label} (${desk.waiting} waiting)`, engine: bench.engine, data: bench.data };
    for (const s of scenarios) {
      rows.push(
        await measure(context, s.name, {
          url: `${bench.base}/api/review/${s.list}?${query(s.query)}`,
          headers: browser.headers,
        }),
      );
      if (bench.bare) rows.push(await bareOf(bench, context, s, desk.accountId));
    }
  }
  rows.push(...(await applicantList(bench, applicant)));
  return rows;
}

async function bareOf(
  bench: ListBench,
  context: Omit<Row, 'scenario' | 'connections' | 'rps' | 'p50' | 'p99' | 'errors'>,
  s: Scenario,
  accountId: number,
) {
  const bare = bench.bare!;
  // The actor's lookup is what the system adds (with its session): the yardstick runs the list's SQL only.
  const actor = await actorOf(bench.db!, accountId);
  const listSteps = await captureSql(bare.databaseUrl, bare.cipher, (db) =>
    servicesOf(db, bench.config).review[s.list](actor, { page: 1, pageSize: 10, ...s.query } as ReviewQuery),
  );
  const name = `${accountId}-${s.list}-${encodeURIComponent(s.name)}`;
  await fetch(`${bare.base}/sql/${name}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(listSteps),
  });
  return measure(context, `${s.name} — bare Fastify + pg, same SQL`, { url: `${bare.base}/sql/${name}` });
}

async function applicantList(bench: ListBench, applicant: { idNumber: string; accountId: number }) {
  const rows: Row[] = [];
  const browser: Signed = await signIn(bench.base, 'applicant', applicant.idNumber, bench.password);
  const context = { group: 'an applicant', engine: bench.engine, data: bench.data };
  rows.push(
    await measure(context, '我的申报 (own list)', { url: `${bench.base}/api/applications`, headers: browser.headers }),
  );
  if (bench.bare) {
    const bare = bench.bare;
    const actor = await actorOf<ApplicantActor>(bench.db!, applicant.accountId);
    const steps = await captureSql(bare.databaseUrl, bare.cipher, (db) =>
      servicesOf(db, bench.config).applications.listMine(actor),
    );
    const name = `applicant-${applicant.accountId}`;
    await fetch(`${bare.base}/sql/${name}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(steps),
    });
    rows.push(await measure(context, '我的申报 — bare Fastify + pg, same SQL', { url: `${bare.base}/sql/${name}` }));
  }
  return rows;
}
