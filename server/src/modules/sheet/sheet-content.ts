import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import {
  formDataSchema,
  reviewStageLabels,
  type Application,
  type CommitteeRecord,
  type FormDeclaration,
  type Recommendation,
} from '#common';
import type { Executor } from '../../db/database';
import { coverOf } from '../applications/application-cover';
import type { ApplicationRow } from '../applications/application.repository';
import { attachmentsOf } from '../applications/attachment.repository';
import { logOf } from '../review/review-log.repository';
import { latestVoteOf } from '../committee-work/meeting.repository';

/** Everything the 申报评审表 prints, and nothing about who reads it: what the digest is taken of. */
export interface SheetContent {
  applicationId: number;
  year: number;
  cover: Application['cover'];
  form: Application['form'];
  unitOpinion: string | null;
  committeeRecord: CommitteeRecord;
  otherCommitteeRecords: string[];
  recommendations: Recommendation[];
  attachments: { category: string; name: string; sizeBytes: number; fileId: string }[];
}

/** 表十七: the latest 通过 of each stage since the last 重置流程, with its opinion. */
function recommendationsOf(log: Awaited<ReturnType<typeof logOf>>): Recommendation[] {
  const lastReset = log.reduce((at, entry, i) => (entry.action === 'reset' ? i : at), -1);
  const byStage = new Map<string, Recommendation>();
  for (const entry of log.slice(lastReset + 1)) {
    if (entry.action !== 'approve' || !entry.stage) continue;
    byStage.delete(entry.stage);
    byStage.set(entry.stage, {
      stage: entry.stage,
      stageLabel: entry.stage === 'unitReview' ? '单位审核推荐意见' : reviewStageLabels[entry.stage],
      orgName: entry.org_name,
      opinion: entry.opinion,
      at: entry.at.toISOString(),
    });
  }
  return [...byStage.values()];
}

type Vote = Awaited<ReturnType<typeof latestVoteOf>>;

/** 表十三–十六: the one of the level applied for, filled from the committee's latest closed vote on it. */
function committeeRecords(
  declaration: FormDeclaration,
  level: string | null,
  committeeName: string | null,
  vote: Vote,
) {
  const records = declaration.sheet.committeeRecords;
  const own = records.find((r) => r.level === level) ?? records[0]!;
  return {
    committeeRecord: {
      label: own.label,
      committeeName: vote?.committee_name ?? committeeName,
      meetingDate: vote?.meeting_date ?? null,
      members: vote?.expected ?? null,
      present: vote?.present ?? null,
      agree: vote?.agree ?? null,
      disagree: vote?.disagree ?? null,
      abstain: vote?.abstain ?? null,
      conclusion: vote ? (vote.outcome === 'passed' ? '通过' : '未通过') : null,
    },
    otherCommitteeRecords: records.filter((r) => r !== own).map((r) => r.label.split('：')[0]!),
  };
}

export async function sheetContent(
  db: Executor,
  declaration: FormDeclaration,
  row: ApplicationRow,
  facts: { now: Date; titleLevel: string | null; committeeName: string | null },
): Promise<SheetContent> {
  const [cover, log, files, vote] = await Promise.all([
    coverOf(db, row, facts.now),
    logOf(db, row.id),
    attachmentsOf(db, row.id),
    latestVoteOf(db, row.id),
  ]);
  return {
    applicationId: row.id,
    year: row.year,
    cover,
    form: formDataSchema.parse(row.form),
    unitOpinion: row.unit_opinion,
    ...committeeRecords(declaration, facts.titleLevel, facts.committeeName, vote),
    recommendations: recommendationsOf(log),
    attachments: files.map((f) => ({
      category: f.category,
      name: f.original_name,
      sizeBytes: f.size_bytes,
      fileId: f.file_id,
    })),
  };
}

/** SHA-256 of the content, keys in a stable order: the same form prints with the same digest. */
export function digestOf(content: SheetContent): string {
  return createHash('sha256').update(stringify(content)!).digest('hex');
}
