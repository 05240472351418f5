import { reviewStageLabels, type ReviewStage } from '#common';
import type { StateColumns } from '../../policies/application';

const refused = '当前状态不能打印申报表';

/**
 * Manual §4.2, §7.12: the 申报评审表 can be printed once the application has reached the stage its
 * committee set (评委会电子材料审核 by default) and while it goes on from there, and once it has
 * passed. Before, during a correction, or after 不通过: the manual's refusal, with what it waits for.
 */
export function printRefusal(row: StateColumns, printFromStage: ReviewStage | null): string | null {
  if (row.status === 'passed') return null;
  const waitFor = printFromStage ? `：审核进度到达“${reviewStageLabels[printFromStage]}”后才能导出` : '';
  if (row.status !== 'inReview' || !row.route || row.stage_index === null) return `${refused}${waitFor}`;
  const from = printFromStage ? row.route.findIndex((step) => step.stage === printFromStage) : -1;
  return from !== -1 && row.stage_index >= from ? null : `${refused}${waitFor}`;
}
