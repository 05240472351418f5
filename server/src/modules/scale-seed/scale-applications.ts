import { sql } from 'kysely';
import { idNumberCheckCharacter, sampleForm, type ApplicationStatus, type ReviewStage, type TitleLevel } from '#common';
import type { Db } from '../../db/database';
import { personalData } from '../../db/personal-data';
import { insertAccounts, insertUnnest } from './bulk-insert';
import { insertApplicationRows } from './scale-application-rows';
import type { ScaleWorld } from './scale-world';
import { unitRoutes } from './scale-routes';

/**
 * Where the generated applications are, per thousand: one in ten not on a desk (drafts, 返回修改,
 * 不通过, passed), the rest spread along the route with the committee's 电子材料审核 the biggest desk
 * by far, as on a province's deadline week.
 */
const mix: readonly [per1000: number, status: ApplicationStatus, stage: ReviewStage | null][] = [
  [40, 'draft', null],
  [20, 'returned', 'cityBureauReview'],
  [10, 'rejected', 'committeeCheck'],
  [30, 'passed', null],
  [30, 'inReview', 'unitReview'],
  [30, 'inReview', 'supervisorReview'],
  [30, 'inReview', 'countyBureauReview'],
  [60, 'inReview', 'cityBureauReview'],
  [500, 'inReview', 'committeeCheck'],
  [120, 'inReview', 'officeReview'],
  [60, 'inReview', 'groupReview'],
  [25, 'inReview', 'meeting'],
  [15, 'inReview', 'publicNotice'],
  [30, 'inReview', 'confirmation'],
];
const levels: readonly [per100: number, TitleLevel][] = [
  [15, 'junior'],
  [50, 'intermediate'],
  [30, 'associateSenior'],
  [5, 'senior'],
];

const surnames =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const givens =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬辉鹏斌宇浩凯健俊帆帅旭宁龙林欢佳琳晨璐婷雪慧颖倩洁琴云莲';

/** A thousandth of the population by a scrambled serial number, so that neighbours differ. */
const bucket = (i: number, mod: number) => (Math.imul(i + 1, 2654435761) >>> 0) % mod;
const pick = <T>(table: readonly (readonly [number, ...unknown[]])[], roll: number) => {
  let seen = 0;
  for (const row of table) {
    seen += row[0];
    if (roll < seen) return row as unknown as T;
  }
  return table.at(-1) as unknown as T;
};

/** The i-th generated person (their ID number signs them in, with the seed's password). */
export function scalePerson(i: number) {
  const day = new Date(Date.UTC(1965, 0, 1 + Math.floor(i / 500)));
  const birth = day.toISOString().slice(0, 10);
  const first17 = `530102${birth.replaceAll('-', '')}${String((i % 500) * 2 + 1).padStart(3, '0')}`;
  const name =
    surnames[i % surnames.length]! +
    givens[Math.floor(i / surnames.length) % givens.length]! +
    (i % 3 === 0 ? '' : givens[Math.floor(i / (surnames.length * givens.length)) % givens.length]!);
  return {
    name,
    idNumber: first17 + idNumberCheckCharacter(first17)!,
    phone: `159${String(i).padStart(8, '0')}`,
    gender: (i % 2 === 0 ? 'male' : 'female') as 'male' | 'female',
    birth,
  };
}

/** Where the i-th generated person's application is: its status, and the stage it waits at. */
export function scalePlan(i: number): { status: ApplicationStatus; stage: ReviewStage | null } {
  const [, status, stage] = pick<(typeof mix)[number]>(mix, bucket(i, 1000));
  return { status, stage };
}

/** The index in a route of a stage, or of the bureau's step where the unit's level has no such stage. */
function indexOf(route: { stage: ReviewStage }[], stage: ReviewStage | null, status: ApplicationStatus): number | null {
  if (status === 'draft') return null;
  if (status === 'passed') return route.length - 1;
  const at = route.findIndex((s) => s.stage === stage);
  return at >= 0 ? at : 2;
}

export interface ScaleApplicationsOptions {
  applications: number;
  /** People after the `applications` of the mix, each with a draft for the open batch. */
  drafts: number;
  passwordHash: string;
  /** Rows a statement. */
  chunk: number;
  /** The last moment anything happened; submissions lie in the 60 days before. */
  now: Date;
  log: (line: string) => void;
}

/**
 * Sixteen 申报评审表 of realistic length (表三 of 2,000 to 5,000 characters), the applications' forms; each
 * application is signed (表十) with its person's name.
 */
async function loadForms(db: Db, year: number) {
  await sql`create unlogged table scale_seed_form (n int primary key, form jsonb not null)`.execute(db);
  await insertUnnest(
    db,
    'scale_seed_form',
    [
      ['n', 'int'],
      ['form', 'jsonb'],
    ],
    Array.from({ length: 16 }, (_, n) => [
      n,
      JSON.stringify(sampleForm(year, '', { organisation: `云南省某档案馆${n + 1}`, summaryChars: 2000 + n * 200 })),
    ]),
  );
}

async function loadRoutes(db: Db, world: ScaleWorld) {
  await sql`create unlogged table scale_seed_route (unit_id int primary key, route jsonb not null)`.execute(db);
  const routes = [...unitRoutes(world)];
  for (let from = 0; from < routes.length; from += 5000) {
    await insertUnnest(
      db,
      'scale_seed_route',
      [
        ['unit_id', 'int'],
        ['route', 'jsonb'],
      ],
      routes.slice(from, from + 5000).map(([id, route]) => [id, JSON.stringify(route)]),
    );
  }
  return new Map(routes);
}

/** 所学专业 and 从事专业 (三级学科): archivists, most of them schooled in 档案学 or a neighbouring subject. */
async function specialtiesOf(db: Db) {
  const rows = await db.selectFrom('specialty').select('id').where('depth', '=', 3).orderBy('id').limit(8).execute();
  const ids = rows.map((r) => r.id);
  return { studiedOf: (i: number) => ids[i % ids.length]!, practised: ids[0]! };
}

/**
 * The people and their applications: an applicant account (signed in with the seed's password) and
 * one application each, at the stage the mix gives it, written `chunk` rows a statement.
 */
export async function insertScaleApplications(db: Db, world: ScaleWorld, options: ScaleApplicationsOptions) {
  const data = personalData(db);
  const { now, chunk } = options;
  await loadForms(db, world.year);
  const routes = await loadRoutes(db, world);
  const titles = await db
    .selectFrom('title')
    .select(['id', 'level'])
    .where('series_code', '=', 'archives')
    .orderBy('sort_order')
    .execute();
  const titleOf = (level: TitleLevel) => titles.find((t) => t.level === level)!.id;
  const specialties = await specialtiesOf(db);
  const total = options.applications + options.drafts;
  const started = Date.now();
  for (let from = 0; from < total; from += chunk) {
    const people = Array.from({ length: Math.min(chunk, total - from) }, (_, k) => {
      const i = from + k;
      const unit = world.units[i % world.units.length]!;
      const { status, stage } = i < options.applications ? scalePlan(i) : { status: 'draft' as const, stage: null };
      const [, level] = pick<(typeof levels)[number]>(levels, bucket(i * 7 + 3, 100));
      const stageIndex = indexOf(routes.get(unit.id)!, stage, status);
      // Newest submissions are the most: a deadline's crowd, spread over the last 60 days.
      const submittedAt = new Date(
        now.getTime() - 3 * 3600_000 - Math.floor(60 * 86400_000 * (bucket(i, 10_000) / 10_000) ** 2),
      );
      return { i, unit, status, stageIndex, level, submittedAt, ...scalePerson(i) };
    });
    const accountIds = await insertAccounts(
      db,
      people.map((p) => ({
        kind: 'applicant',
        loginName: data.seal(p.idNumber),
        displayName: p.name,
        phone: data.phone(p.phone),
      })),
      options.passwordHash,
      now,
    );
    await insertUnnest(
      db,
      'applicant',
      [
        ['account_id', 'int'],
        ['name', 'text'],
        ['id_number', 'text'],
        ['id_number_hash', 'text'],
        ['gender', 'text'],
        ['birth_date', 'date'],
        ['unit_id', 'int'],
        ['unit_joined_at', 'timestamptz'],
        ['created_at', 'timestamptz'],
        ['updated_at', 'timestamptz'],
      ],
      people.map((p, k) => {
        const id = data.idNumber(p.idNumber);
        return [accountIds[k], p.name, id.sealed, id.key, p.gender, p.birth, p.unit.id, now, now, now];
      }),
    );
    await insertApplicationRows(db, world, people, accountIds, { titleOf, ...specialties });
    if ((from / chunk) % 10 === 9 || from + chunk >= total) {
      options.log(`  申报 ${Math.min(from + chunk, total)} 份（${((Date.now() - started) / 1000).toFixed(0)} 秒）`);
    }
  }
}
