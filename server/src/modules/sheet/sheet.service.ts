import { buffer } from 'node:stream/consumers';
import { PDFDocument } from 'pdf-lib';
import {
  attachmentCategoryInfo,
  formDeclaration,
  maskName,
  type AttachmentCategory,
  type Sheet,
  type Verification,
} from '#common';
import type { Clock } from '../../clock';
import type { Db, Executor } from '../../db/database';
import type { Actor } from '../../domain/actor';
import { AppError, notFound } from '../../domain/app-error';
import { loadFor } from '../applications/application-access';
import { attachmentsOf } from '../applications/attachment.repository';
import { statusLabelOf, whereNow } from '../applications/application.presenter';
import { sameYearApplications } from '../committee-work/committee-applications.repository';
import { findApplication, lockApplication, type ApplicationRow } from '../applications/application.repository';
import type { ApplicationService } from '../applications/application.service';
import { may } from '../../policies/application';
import { appendAudit } from '../audit/audit.repository';
import type { FileStorage } from '../storage/file-storage';
import { bindAttachments, loadAttachments } from './pdf/attachment-binder';
import { renderSheetPdf, type PrintMark } from './pdf/sheet-pdf';
import { createPdfCache } from './pdf-cache';
import { printRefusal } from './print-rule';
import * as records from './print-record.repository';
import { digestOf, sheetContent } from './sheet-content';
import { newVerificationCode, normaliseVerificationCode } from './verification-code';

/**
 * 查看申报表 and 导出PDF (manual §4.2, §7.12): one document for every role that may see the
 * application, printable from its committee's stage, each print carrying a verification code that the
 * public page checks against the record.
 */
export function createSheetService(
  db: Db,
  clock: Clock,
  deps: { applications: ApplicationService; storage: FileStorage; cacheBytes: number },
) {
  const declaration = formDeclaration;
  const cache = createPdfCache(deps.cacheBytes);

  async function contentOf(executor: Executor, row: ApplicationRow) {
    const committee = row.committee_id ? await records.committeePrintFacts(executor, row.committee_id) : undefined;
    const content = await sheetContent(executor, declaration, row, {
      now: clock.now(),
      titleLevel: row.title_level,
      committeeName: committee?.name ?? null,
    });
    return {
      content,
      refusal: printRefusal(row, committee?.print_from_stage ?? null),
      withAttachments: committee?.pdf_with_attachments ?? false,
    };
  }

  async function bindable(row: ApplicationRow) {
    const files = await attachmentsOf(db, row.id);
    return loadAttachments(
      await Promise.all(
        files.map(async (f) => {
          const info = attachmentCategoryInfo[f.category as AttachmentCategory];
          return {
            label: info ? `${info.group} - ${info.label}` : f.category,
            name: f.original_name,
            contentType: f.content_type,
            content: await buffer(await deps.storage.get(f.storage_key)),
          };
        }),
      ),
    );
  }

  /** The document as `actor` reads it, and the content it prints, from one reading of the database. */
  async function read(executor: Executor, actor: Actor, id: number) {
    const subject = await loadFor(executor, actor, id, 'view');
    const { row } = subject;
    const committeeOffice = actor.kind === 'reviewer' && actor.orgKind === 'committee';
    const [application, { content, refusal, withAttachments }, others] = await Promise.all([
      deps.applications.present(executor, row, actor),
      contentOf(executor, row),
      committeeOffice ? sameYearApplications(executor, row) : [],
    ]);
    const sheet: Sheet = {
      application,
      unitOpinion: may(actor, 'readUnitOpinion', subject) ? content.unitOpinion : null,
      committeeRecord: content.committeeRecord,
      otherCommitteeRecords: content.otherCommitteeRecords,
      recommendations: content.recommendations,
      sameYear: others.map((a) => ({
        id: String(a.id),
        committeeName: a.committee_name ?? '',
        titleName: a.title_name,
        statusLabel: statusLabelOf(a),
      })),
      print: { allowed: refusal === null, message: refusal, withAttachments },
    };
    return { row, sheet, content };
  }

  /** The form, then its attachments after a table of contents that gives each one's pages. */
  async function render(sheet: Sheet, mark: PrintMark, row: ApplicationRow, withAttachments: boolean, code: string) {
    if (!withAttachments) return renderSheetPdf(declaration, sheet, mark);
    const attachments = await bindable(row);
    if (attachments.length === 0) return renderSheetPdf(declaration, sheet, mark);
    // The contents' page numbers depend on the pages before them, which the contents may push on.
    let formPages = (await pageCount(await renderSheetPdf(declaration, sheet, mark))) + 1;
    for (;;) {
      let page = formPages + 1;
      const entries = attachments.map((a) => {
        const entry = { label: a.label, name: a.name, page, pages: a.pages };
        page += a.pages;
        return entry;
      });
      const form = await renderSheetPdf(declaration, sheet, mark, entries);
      const pages = await pageCount(form);
      if (pages === formPages) return bindAttachments(form, attachments, code);
      formPages = pages;
    }
  }

  return {
    async view(actor: Actor, id: number): Promise<Sheet> {
      return (await read(db, actor, id)).sheet;
    },

    /**
     * 导出PDF: refused before the committee's stage; the same paper (and code) again for an unchanged
     * form, from the cache when this server printed it lately. Every print is audited. What is printed
     * is read in the transaction that records the print, with the application locked against a
     * decision meanwhile, so the digest is of exactly that content.
     */
    async pdf(actor: Actor, id: number, asked: { attachments?: boolean; baseUrl: string }) {
      const { row, sheet, content, digest, record, options } = await db.transaction().execute(async (trx) => {
        await lockApplication(trx, id);
        const reading = await read(trx, actor, id);
        if (!reading.sheet.print.allowed)
          throw new AppError('RULE_VIOLATED', reading.sheet.print.message ?? '当前状态不能打印申报表');
        const digest = digestOf(reading.content);
        const options = { ...asked, attachments: asked.attachments ?? reading.sheet.print.withAttachments };
        const record = await records.printRecordFor(trx, {
          applicationId: reading.row.id,
          digest,
          formVersion: reading.row.version,
          code: newVerificationCode(),
          at: clock.now(),
        });
        await appendAudit(trx, actor, clock.now(), {
          action: 'application.print',
          objectType: 'application',
          objectId: reading.row.id,
          detail: { code: record.code, attachments: options.attachments },
        });
        return { ...reading, digest, record, options };
      });
      const filename = `申报评审表-${sheet.application.cover.name}-${row.year}${options.attachments ? '-含附件' : ''}.pdf`;
      const key = `${row.id}:${digest}:${options.attachments}:${options.baseUrl}`;
      let pdf = cache.get(key);
      if (!pdf) {
        const mark = {
          code: record.code,
          // The web app routes by the address's hash, so the static server needs no route of its own.
          verifyUrl: `${options.baseUrl}/#/verify/${record.code}`,
          digest,
          printedAt: record.first_printed_at,
        };
        // The paper prints the record as it is (the digest's content), whoever prints it.
        pdf = await render({ ...sheet, unitOpinion: content.unitOpinion }, mark, row, options.attachments, record.code);
        cache.set(key, pdf);
      }
      return { content: pdf, filename };
    },

    /** The public check of a printed copy: what it says of the application, and whether it still matches. */
    async verify(code: string): Promise<Verification> {
      const record = await records.printRecordByCode(db, normaliseVerificationCode(code));
      const row = record ? await findApplication(db, record.application_id) : undefined;
      if (!record || !row) throw notFound('核验码不存在，请核对纸质申报表上的核验码');
      const { content } = await contentOf(db, row);
      return {
        code: record.code,
        maskedName: maskName(content.cover.name),
        titleName: content.cover.titleName,
        seriesName: content.cover.seriesName,
        year: row.year,
        status: whereNow(row),
        printedAt: record.first_printed_at.toISOString(),
        digest: record.digest,
        matchesRecord: digestOf(content) === record.digest,
      };
    },
  };
}

async function pageCount(pdf: Buffer): Promise<number> {
  return (await PDFDocument.load(pdf)).getPageCount();
}

export type SheetService = ReturnType<typeof createSheetService>;
