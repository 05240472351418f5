import { sql } from 'kysely';
import { defaultFormConfig, type ApplicationStatus, type TitleLevel } from '#common';
import type { Db } from '../../db/database';
import type { ScaleWorld } from './scale-world';

type Planned = {
  unit: { id: number };
  status: ApplicationStatus;
  stageIndex: number | null;
  level: TitleLevel;
  submittedAt: Date;
  i: number;
  name: string;
};

export interface RowChoices {
  titleOf: (level: TitleLevel) => number;
  studiedOf: (i: number) => number;
  practised: number;
}

/** Form n's 表三 has at least 2,000 + 200·n characters (scale-applications' loadForms). */
const formCount = 16;
const shortestForm = (level: TitleLevel) =>
  Math.max(0, Math.ceil((defaultFormConfig.summaryMinChars[level] - 2000) / 200));

/**
 * One of the sixteen forms whose 表三 is long enough for the level: every generated application, draft
 * or submitted, passes the 提交前检查 as a real one had to.
 */
const formOf = (level: TitleLevel, i: number) => {
  const first = shortestForm(level);
  return first + (i % (formCount - first));
};

/** The applications of one chunk of people, in one statement. */
export async function insertApplicationRows(
  db: Db,
  world: ScaleWorld,
  people: Planned[],
  accountIds: number[],
  choices: RowChoices,
) {
  const planned = people.map((p, k) => [
    accountIds[k],
    p.unit.id,
    p.status,
    p.stageIndex,
    p.level,
    choices.titleOf(p.level),
    formOf(p.level, p.i),
    p.status === 'draft' ? null : p.submittedAt,
    new Date(p.submittedAt.getTime() - 7 * 86400_000),
    p.name,
    choices.studiedOf(p.i),
  ]);
  const columns = sql.raw(
    'account_id, unit_id, status, stage_index, title_level, title_id, form_no, submitted_at, created_at, name, studied_id',
  );
  const arrays = ['int', 'int', 'text', 'int', 'text', 'int', 'int', 'timestamptz', 'timestamptz', 'text', 'int'].map(
    (type, c) => sql`${planned.map((row) => row[c] ?? null)}::${sql.raw(type)}[]`,
  );
  // The route, the holder and the form come from the seed's tables in the statement itself.
  await sql`
    insert into application (applicant_account_id, kind, year, unit_id, batch_id, committee_id, series_code,
      title_id, title_level, specialty_studied_id, specialty_practised_id, status, stage_index, route,
      returned_from_index, return_count, form, unit_opinion, version, created_at, updated_at, submitted_at,
      holder_kind, holder_org_id)
    select p.account_id, 'evaluation', ${world.year}, p.unit_id, ${world.batchId}, ${world.committeeId}, 'archives',
      p.title_id, p.title_level, p.studied_id, ${choices.practised}, p.status, p.stage_index,
      case when p.status = 'draft' then null else r.route end,
      case when p.status = 'returned' then p.stage_index end,
      case when p.status = 'returned' then 1 else 0 end,
      jsonb_set(f.form, '{table10,signedName}', to_jsonb(p.name)),
      case when p.stage_index > 0 then '该同志政治立场坚定，业务能力强，同意推荐。' end,
      coalesce(p.stage_index, 0) + 2, p.created_at, coalesce(p.submitted_at, p.created_at), p.submitted_at,
      case when p.status = 'inReview' then r.route -> p.stage_index ->> 'holder' end,
      case when p.status = 'inReview' then (r.route -> p.stage_index ->> 'orgId')::int end
    from unnest(${sql.join(arrays, sql`, `)}) as p(${columns})
    join scale_seed_route r on r.unit_id = p.unit_id
    join scale_seed_form f on f.n = p.form_no`.execute(db);
}
