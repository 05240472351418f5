import { reviewStageLabels, type ReviewSummary } from '#common';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { deskOrg, type DeskActor } from '../../domain/actor';
import { deskBatches, deskCountsByCommittee, deskCountsByStage } from './review.repository';

/** How many deadlines the 首页 shows: the nearest ones still ahead. */
const deadlineCount = 6;

/** The reviewer's 首页 (and the unit's desk): what waits, and which deadlines come first. */
export function createReviewSummary(db: Db, clock: Clock) {
  async function summary(actor: DeskActor): Promise<ReviewSummary> {
    const desk = deskOrg(actor);
    const now = clock.now();
    const [stages, committees, batches] = await Promise.all([
      deskCountsByStage(db, desk),
      deskCountsByCommittee(db, desk),
      deskBatches(db, desk, now),
    ]);
    const deadlines = batches
      .flatMap((b) => [
        {
          committeeName: b.committee_name,
          year: b.year,
          kind: 'closes' as const,
          kindLabel: '网报截止',
          at: b.closes_at,
        },
        ...(b.correction_closes_at
          ? [
              {
                committeeName: b.committee_name,
                year: b.year,
                kind: 'correctionCloses' as const,
                kindLabel: '返回修改截止',
                at: b.correction_closes_at,
              },
            ]
          : []),
      ])
      .filter((d) => d.at > now)
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .slice(0, deadlineCount)
      .map((d) => ({ ...d, at: d.at.toISOString() }));
    return {
      waiting: stages.reduce((sum, s) => sum + s.count, 0),
      byStage: stages
        .map((s) => ({ stage: s.stage, stageLabel: reviewStageLabels[s.stage], count: s.count }))
        .sort((a, b) => b.count - a.count),
      byCommittee: committees.map((c) => ({
        committeeId: c.committee_id === null ? null : String(c.committee_id),
        committeeName: c.committee_name ?? '考核定职（不经评委会）',
        count: c.count,
      })),
      deadlines,
    };
  }
  return { summary };
}
