import { PassThrough } from 'node:stream';
import { maskIdNumber } from '#common';
import type { Clock } from '../../clock';
import type { Db, Executor } from '../../db/database';
import { personalData } from '../../db/personal-data';
import type { Actor } from '../../domain/actor';
import { loadFor } from '../applications/application-access';
import type { ApplicationRow } from '../applications/application.repository';
import { appendAudit } from '../audit/audit.repository';
import type { SheetService } from '../sheet/sheet.service';
import type { ApplicationExporter, ExportedApplication } from './application-exporter';
import { zipExporter } from './zip-exporter';

/** The applicant's ID number, opened from its sealed form. */
async function applicantIdNumber(db: Executor, accountId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('applicant')
    .select('id_number')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row ? personalData(db).open(row.id_number) : undefined;
}

/**
 * 导出到YPPM5.0: the checked applications, each as its form data and its printed 申报评审表, in the
 * format of the configured exporter. Every application must be one the desk may see (else the whole
 * export is refused as a missing application, before a byte is written); the export is audited.
 */
export function createYppmService(
  db: Db,
  clock: Clock,
  deps: { sheets: SheetService; exporter?: ApplicationExporter },
) {
  const exporter = deps.exporter ?? zipExporter;
  return {
    async export(actor: Actor, ids: number[], baseUrl: string) {
      const unique = [...new Set(ids)];
      const rows: ApplicationRow[] = [];
      for (const id of unique) rows.push((await loadFor(db, actor, id, 'view')).row);
      const at = clock.now();
      await appendAudit(db, actor, at, {
        action: 'application.export',
        objectType: 'application',
        detail: { format: exporter.id, ids: unique, count: unique.length },
      });

      async function* applications(): AsyncIterable<ExportedApplication> {
        for (const row of rows) {
          const sheet = await deps.sheets.view(actor, row.id);
          const person = await applicantIdNumber(db, row.applicant_account_id);
          yield {
            sheet,
            idNumberMasked: person ? maskIdNumber(person) : '',
            pdf: sheet.print.allowed
              ? { content: (await deps.sheets.pdf(actor, row.id, { attachments: false, baseUrl })).content }
              : { refusal: sheet.print.message ?? '当前状态不能打印申报表' },
          };
        }
      }

      const out = new PassThrough();
      // A failure half-way ends the download broken rather than quietly short.
      exporter.write(applications(), out, at).catch((error: unknown) => out.destroy(error as Error));
      return { stream: out, filename: exporter.fileName(at), contentType: exporter.contentType };
    },
  };
}

export type YppmService = ReturnType<typeof createYppmService>;
