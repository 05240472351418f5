import type { ApplicationChoicesBody } from '#common';
import { beijingDay } from '../../clock';
import type { Executor } from '../../db/database';
import { AppError } from '../../domain/app-error';
import { findCommittee, findSpecialty, findTitle } from './application-lookup.repository';
import { batchDisabled } from '../organisations/organisation-state.repository';
import { findBatchWindow } from './application.repository';

/** Checks the 申报信息 choices (title, committee batch, specialties) and returns the columns they set. */
export async function resolveChoices(db: Executor, now: Date, body: ApplicationChoicesBody) {
  const title = await findTitle(db, Number(body.titleId));
  if (!title) throw new AppError('VALIDATION_FAILED', '申报职称不存在');
  let batch: Awaited<ReturnType<typeof findBatchWindow>>;
  if (body.kind === 'evaluation') {
    batch = await findBatchWindow(db, Number(body.batchId));
    if (!batch) throw new AppError('VALIDATION_FAILED', '评委会批次不存在');
    if (await batchDisabled(db, batch.id))
      throw new AppError('RULE_VIOLATED', '该评委会批次已停用，请选择正在开评的评委会');
    if (!(batch.opens_at <= now && now < batch.closes_at)) {
      throw new AppError('RULE_VIOLATED', '该评委会当前不在网报时间内，请选择正在开评的评委会');
    }
    const committee = (await findCommittee(db, batch.committee_id))!;
    if (committee.series_code !== title.series_code) {
      throw new AppError('RULE_VIOLATED', '所选职称不属于该评委会的职称系列');
    }
    if (!committee.title_levels.includes(title.level))
      throw new AppError('RULE_VIOLATED', '该评委会不评审所选职称等级');
  }
  for (const [key, label] of [
    ['specialtyStudiedId', '所学专业'],
    ['specialtyPractisedId', '从事专业'],
  ] as const) {
    const value = body[key];
    if (!value) continue;
    const specialty = await findSpecialty(db, Number(value));
    if (!specialty) throw new AppError('VALIDATION_FAILED', `${label}不存在`);
    if (specialty.depth !== 3) throw new AppError('VALIDATION_FAILED', `${label}请选择到三级学科`);
  }
  return {
    kind: body.kind,
    year: batch?.year ?? Number(beijingDay(now).slice(0, 4)),
    batch_id: batch?.id ?? null,
    committee_id: batch?.committee_id ?? null,
    series_code: title.series_code,
    title_id: title.id,
    title_level: title.level,
    specialty_studied_id: body.specialtyStudiedId ? Number(body.specialtyStudiedId) : null,
    specialty_practised_id: body.specialtyPractisedId ? Number(body.specialtyPractisedId) : null,
  };
}
