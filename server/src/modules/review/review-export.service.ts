import type { Writable } from 'node:stream';
import {
  applicationKindLabels,
  maskIdNumber,
  reviewColumnKeys,
  reviewColumnLabels,
  titleText,
  unitOpinionText,
  type OrgKind,
  type ReviewColumnKey,
  type ReviewExportQuery,
  type ReviewFilters,
  type ReviewList,
  type ReviewRow,
} from '#common';
import { beijingDay, beijingMinute, type Clock } from '../../clock';
import type { Db } from '../../db/database';
import { deskActor, deskOrg, type Actor, type DeskActor } from '../../domain/actor';
import { AppError, forbidden } from '../../domain/app-error';
import { appendAudit } from '../audit/audit.repository';
import { writeXlsx, type Cell } from '../exports/xlsx-stream';
import { presentReviewRow } from './review.presenter';
import { wholeList, type ReviewListRow } from './review.repository';

export interface ReviewExportRules {
  /** The reviewer organisations that may have whole ID and phone numbers, when they ask (reveal=true). */
  revealOrgKinds: readonly OrgKind[];
  /** The most rows of one file: a longer list is refused with a request to filter it. */
  maxRows: number;
  /** Rows read from the database a query. */
  batchSize?: number;
}

/** A file to send: its name and type, and how to write it into the reply while its rows are read. */
export interface ExportFile {
  filename: string;
  contentType: string;
  write(out: Writable, signal: AbortSignal): Promise<unknown>;
}

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Each column's cell, as the list on the page reads it, and its width in the sheet. */
const cells: Record<ReviewColumnKey, { width: number; text: (r: ReviewRow) => string }> = {
  name: { width: 12, text: (r) => r.name },
  unitName: { width: 30, text: (r) => r.unitName },
  idNumberMasked: { width: 22, text: (r) => r.idNumberMasked },
  phoneMasked: { width: 15, text: (r) => r.phoneMasked },
  title: { width: 28, text: titleText },
  kind: { width: 10, text: (r) => applicationKindLabels[r.kind] },
  committee: { width: 30, text: (r) => r.committeeName ?? '—' },
  submittedAt: { width: 18, text: (r) => (r.submittedAt ? beijingMinute(new Date(r.submittedAt)) : '') },
  unitOpinion: { width: 10, text: (r) => unitOpinionText(r.unitOpinionSaved) },
  whereNow: { width: 40, text: (r) => r.whereNow },
};

/** A row of the sheet: the list's own (masked) row, or with the numbers whole when they are revealed. */
function sheetRow(row: ReviewListRow, reveal: boolean): ReviewRow {
  const shown = presentReviewRow(row);
  return reveal ? { ...shown, idNumberMasked: row.id_number, phoneMasked: row.phone ?? '' } : shown;
}

/** The filters as the audit trail keeps them: an ID number typed as 关键字 is masked like any other. */
function auditedFilters(filters: ReviewFilters): ReviewFilters {
  const keyword = filters.keyword && /^\d{17}[\dXx]$/.test(filters.keyword) ? maskIdNumber(filters.keyword) : undefined;
  return keyword ? { ...filters, keyword } : filters;
}

/**
 * 导出评审名单: the applications a desk sees in 申报审核 or 审核记录 with the list's filters, as an .xlsx
 * with the list's columns. It reads the list's own query (the same visibility), masks the numbers as the
 * list does unless the account's organisation may reveal them and asked to, and is audited before a row
 * is read.
 */
export function createReviewExportService(db: Db, clock: Clock, rules: ReviewExportRules) {
  const batchSize = rules.batchSize ?? 500;
  const mayReveal = (actor: DeskActor) => actor.kind === 'reviewer' && rules.revealOrgKinds.includes(actor.orgKind);

  return {
    /** Whether this account may ask for whole numbers (the page offers it only then). */
    options: (actor: Actor) => ({ reveal: mayReveal(deskActor(actor)) }),

    /** Checks, counts and audits the export; the rows are read while the file is written. */
    async start(actor: Actor, list: ReviewList, query: ReviewExportQuery): Promise<ExportFile> {
      const desk = deskActor(actor);
      const { reveal: asked, ...filters } = query;
      const reveal = asked === 'true';
      if (reveal && !mayReveal(desk)) throw forbidden('本账号无权导出完整的身份证号和手机号');
      const source = wholeList(db, list, deskOrg(desk), filters);
      const total = await source.countUpTo(rules.maxRows);
      if (total > rules.maxRows) {
        throw new AppError('RULE_VIOLATED', `导出超过${rules.maxRows}条，请先按条件筛选`);
      }
      const now = clock.now();
      // Its own transaction, committed before the first row leaves: an export cut off midway is on record too.
      await appendAudit(db, desk, now, {
        action: 'review.export',
        detail: { list, filters: auditedFilters(filters), rows: total, revealed: reveal },
      });
      const keys = reviewColumnKeys({ list, unit: desk.kind === 'unit', kind: filters.kind, sheet: true });
      const columns = [
        { header: '序号', width: 8 },
        ...keys.map((k) => ({ header: reviewColumnLabels[k], width: cells[k].width })),
      ];
      return {
        filename: `评审名单-${beijingDay(now)}.xlsx`,
        contentType: xlsxType,
        write: (out, signal) => {
          let seq = 0;
          async function* rows(): AsyncGenerator<Cell[][]> {
            for await (const batch of source.batches(batchSize, signal)) {
              yield batch.map((r) => {
                const row = sheetRow(r, reveal);
                return [++seq, ...keys.map((k) => cells[k].text(row))];
              });
            }
          }
          return writeXlsx(out, { name: '评审名单', columns }, rows(), signal);
        },
      };
    },
  };
}

export type ReviewExportService = ReturnType<typeof createReviewExportService>;
