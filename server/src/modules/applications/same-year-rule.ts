import { titleLevelLabels } from '#common';
import type { Executor } from '../../db/database';
import { AppError } from '../../domain/app-error';
import { sameYearApplication, type SameYearKey } from './application.repository';

export interface SameYearRefusal {
  code: 'ALREADY_APPLIED';
  message: string;
  /** The application that bars it, so the page can point at it. */
  applicationId: string;
}

/**
 * One application a year for a series and level (manual §4.1: 不通过 fails the year for it). The one
 * rule that 新建申报, a draft's 申报信息 and 提交 all ask; the answer names the application that bars it.
 */
export async function sameYearRefusal(db: Executor, key: SameYearKey): Promise<SameYearRefusal | null> {
  const found = await sameYearApplication(db, key);
  if (!found) return null;
  const what = `${found.title_name}（${found.series_name}系列${titleLevelLabels[key.title_level]}）`;
  const year = `您${found.year}年度`;
  const message = (() => {
    switch (found.status) {
      case 'rejected':
        return `${year}申报的${what}已审核不通过，本年度不能再次申报该系列该级别的职称`;
      case 'passed':
        return `${year}申报的${what}已审核通过，本年度不能再次申报该系列该级别的职称`;
      case 'returned':
        return `${year}已申报${what}，已被返回修改，请在【我的申报】中修改该申报后重新提交，不能重复申报该系列该级别的职称`;
      case 'inReview':
      case 'draft': // never found: the rule looks past drafts
        return `${year}已申报${what}，正在审核中，不能重复申报该系列该级别的职称`;
    }
  })();
  return { code: 'ALREADY_APPLIED', message, applicationId: String(found.id) };
}

/** The same rule as a refusal, for the steps that make or change a draft. */
export async function refuseSameYear(db: Executor, key: SameYearKey): Promise<void> {
  const refusal = await sameYearRefusal(db, key);
  if (refusal) throw new AppError('RULE_VIOLATED', refusal.message, { applicationId: refusal.applicationId });
}
