import { sql } from 'kysely';
import { reviewStages, stageDeciders } from '#common';
import { systemClock, type Clock } from '../../clock';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { systemActor } from '../../domain/actor';
import { createServices } from '../../services';
import { appendAudit } from '../audit/audit.repository';
import { hashPassword } from '../auth/password-hasher';
import { createConsoleSmsProvider } from '../sms/sms.provider';
import { insertScaleApplications } from './scale-applications';
import { insertHistory, loadDesks } from './scale-history';
import { createScaleWorld, type ScaleWorld } from './scale-world';

export interface ScaleSeedOptions {
  applications: number;
  /**
   * More people, after the `applications` of the mix (scalePlan), each with a draft for the open batch:
   * the crowd of a deadline day's last hour (bench/deadline-day.ts). Default 0.
   */
  drafts?: number;
  /** Units of the province; by default one per 50 people (applications and drafts), at least 20. */
  units?: number;
  /** Every generated account signs in with it (the operator's, never one in the source). */
  password: string;
  /** Rows a statement. */
  chunk?: number;
  log?: (line: string) => void;
  clock?: Clock;
}

export interface DeskSize {
  username: string;
  orgName: string;
  waiting: number;
}

export interface ScaleSeedResult {
  world: ScaleWorld;
  seconds: number;
  /** The desks the benchmarks read: the biggest (the committee), a prefecture's, a county's, a unit's. */
  desks: { committee: DeskSize; city: DeskSize; county: DeskSize; unit: DeskSize };
}

const seedTables = ['scale_seed_form', 'scale_seed_route', 'scale_seed_desk'];

/**
 * A province's year of applications, generated into an empty database: see docs/benchmarks.md. The
 * bulk goes in as multi-row statements (arrays through `unnest`) and the history is derived by the
 * database from the applications themselves, so that a million applications load in minutes.
 */
export async function seedScale(db: Db, config: Config, options: ScaleSeedOptions): Promise<ScaleSeedResult> {
  const log = options.log ?? (() => undefined);
  const clock = options.clock ?? systemClock;
  const started = Date.now();
  const existing = await db
    .selectFrom('application')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  if (existing.n > 0) throw new Error('规模数据只写入空数据库：这个数据库里已经有申报');
  for (const table of seedTables) await sql`drop table if exists ${sql.table(table)}`.execute(db);

  const passwordHash = await hashPassword(options.password);
  const services = createServices(db, clock, config, {
    smsProvider: createConsoleSmsProvider(db, clock, () => undefined),
    storage: undefined,
  });
  const units = options.units ?? Math.max(20, Math.round((options.applications + (options.drafts ?? 0)) / 50));
  const world = await createScaleWorld(db, services, clock, { unitCount: units, passwordHash });
  log(`组织机构：${world.desks.length} 个审核单位，${world.units.length} 个申报单位`);

  // The desks' counters are counted once at the end, not bumped a million times row by row.
  await sql`alter table application disable trigger application_desk_count`.execute(db);
  try {
    await insertScaleApplications(db, world, {
      applications: options.applications,
      drafts: options.drafts ?? 0,
      passwordHash,
      chunk: options.chunk ?? 10_000,
      now: clock.now(),
      log,
    });
  } finally {
    await sql`alter table application enable trigger application_desk_count`.execute(db);
  }
  await sql`delete from desk_count`.execute(db);
  await sql`insert into desk_count (holder_kind, holder_org_id, stage, waiting)
    select holder_kind, holder_org_id, stage, count(*) from application
    where status = 'inReview' and holder_kind is not null
    group by holder_kind, holder_org_id, stage`.execute(db);
  await loadDesks(db, world);
  const range = await db
    .selectFrom('application')
    .select([sql<number>`min(id)`.as('first'), sql<number>`max(id)`.as('last')])
    .executeTakeFirstOrThrow();
  // Two ranges at a time: on PostgreSQL each statement runs on one core, and a pool has connections to
  // spare. The desks' 审核记录 index is built once at the end rather than row by row.
  const step = 50_000;
  const ranges: number[] = [];
  for (let from = Number(range.first); from <= Number(range.last); from += step) ranges.push(from);
  const worker = async () => {
    for (let from = ranges.shift(); from !== undefined; from = ranges.shift()) {
      await insertHistory(db, from, from + step - 1);
      log(`  审核记录、消息和附件：申报 ${from} 至 ${Math.min(from + step - 1, Number(range.last))}`);
    }
  };
  await sql`alter table review_log disable trigger review_log_desk_record`.execute(db);
  try {
    await Promise.all([worker(), worker()]);
  } finally {
    await sql`alter table review_log enable trigger review_log_desk_record`.execute(db);
  }
  await sql`insert into desk_record (org_kind, org_id, application_id, submitted_at)
    select distinct l.org_kind, l.org_id, a.id, a.submitted_at
    from review_log l join application a on a.id = l.application_id
    where l.action <> 'submit' and l.org_kind is not null and l.org_kind <> 'applicant' and a.submitted_at is not null
    on conflict do nothing`.execute(db);
  for (const table of seedTables) await sql`drop table ${sql.table(table)}`.execute(db);
  await appendAudit(db, systemActor, clock.now(), {
    action: 'scale.seed',
    objectType: 'database',
    objectId: 0,
    detail: { applications: options.applications, drafts: options.drafts ?? 0, units },
  });
  // As autovacuum would in time: the visibility map lets the lists count from their indexes alone.
  log('整理表并更新统计信息（vacuum analyze）…');
  await sql`vacuum analyze`.execute(db);
  const desks = await deskSizes(db, world);
  return { world, seconds: (Date.now() - started) / 1000, desks };
}

async function deskSizes(db: Db, world: ScaleWorld): Promise<ScaleSeedResult['desks']> {
  const rows = await db
    .selectFrom('application')
    .select(['holder_kind', 'holder_org_id', sql<number>`count(*)::int`.as('n')])
    .where('status', '=', 'inReview')
    // What 申报审核 lists: not the applications waiting at a meeting, a 公示 or a 确认.
    .where(
      'stage',
      'not in',
      reviewStages.filter((stage) => stageDeciders[stage] !== 'desk'),
    )
    .groupBy(['holder_kind', 'holder_org_id'])
    .execute();
  const size = (holder: string, orgId: number) =>
    rows.find((r) => r.holder_kind === holder && r.holder_org_id === orgId)?.n ?? 0;
  const largest = (holder: 'hrBureau' | 'unit', filter: (regionCode: string) => boolean): DeskSize => {
    const candidates =
      holder === 'unit'
        ? world.units.map((u) => ({ username: u.creditCode, orgName: u.name, orgId: u.id, region: u.regionCode }))
        : world.desks
            .filter((d) => d.holder === 'hrBureau')
            .map((d) => ({ username: d.username, orgName: d.orgName, orgId: d.orgId, region: d.regionCode! }));
    const best = candidates
      .filter((c) => filter(c.region))
      .map((c) => ({ username: c.username, orgName: c.orgName, waiting: size(holder, c.orgId) }))
      .sort((a, b) => b.waiting - a.waiting)[0]!;
    return best;
  };
  const committee = world.desks.find((d) => d.holder === 'committee')!;
  return {
    committee: {
      username: committee.username,
      orgName: committee.orgName,
      waiting: size('committee', committee.orgId),
    },
    city: largest('hrBureau', (r) => r.endsWith('00') && !r.endsWith('0000')),
    county: largest('hrBureau', (r) => !r.endsWith('00')),
    unit: largest('unit', () => true),
  };
}
