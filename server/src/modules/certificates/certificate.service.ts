import { z } from 'zod';
import {
  certificateNumberStem,
  formatCertificateNumber,
  titleLevelCodes,
  type Certificate,
  type CertificateVerification,
  type RevokeCertificateBody,
} from '#common';
import type { Clock } from '../../clock';
import type { Db, Executor } from '../../db/database';
import type { Actor, AuditActor, ReviewerActor } from '../../domain/actor';
import { AppError, notFound } from '../../domain/app-error';
import { coverOf } from '../applications/application-cover';
import { loadFor } from '../applications/application-access';
import { lockApplication } from '../applications/application.repository';
import { appendAudit, holdAuditChain } from '../audit/audit.repository';
import { publish } from '../notifications/outbox.repository';
import { renderCertificatePdf } from './certificate-pdf';
import { mayRevoke, presentCertificate } from './certificate.presenter';
import * as certificates from './certificate.repository';
import type { CertificateRow } from './certificate.repository';

export interface IssueCertificateInput {
  applicationId: number;
  /** 取得资格时间, 'YYYY-MM-DD'. */
  qualifiedOn: string;
  /** 文号 of the HR department's confirmation. */
  documentNumber: string;
  actor: AuditActor;
}

const dayOnly = z.iso.date();

/** The next number of the committee's pattern that no certificate has yet. */
async function nextNumber(trx: Executor, pattern: string, parts: Parameters<typeof certificateNumberStem>[1]) {
  const stem = certificateNumberStem(pattern, parts);
  for (;;) {
    const number = formatCertificateNumber(pattern, { ...parts, seq: await certificates.nextSequence(trx, stem) });
    // Only two patterns written to meet (one committee's {year}{seq}, another's {year}1{seq:4}) can
    // make a number twice from different stems: the number is skipped.
    if (!(await certificates.numberTaken(trx, number))) return number;
  }
}

/**
 * 发放电子证书 for an application whose title the HR department has confirmed, inside the caller's
 * transaction (pass its `trx`): the application is locked, the certificate copies what it certifies
 * from the cover as submitted (name, series, title) and the level, and takes the next number of the
 * committee's pattern, {year} being the application's 评审年度. Audited as certificate.issue.
 * Idempotent: an application that has its certificate gets that one back, unchanged.
 */
export async function issueCertificate(
  trx: Executor,
  now: Date,
  input: IssueCertificateInput,
): Promise<CertificateRow> {
  if (!trx.isTransaction) return trx.transaction().execute((t) => issueCertificate(t, now, input));
  const row = await lockApplication(trx, input.applicationId);
  if (!row) throw notFound('申报不存在');
  const existing = await certificates.certificateOfApplication(trx, row.id);
  if (existing) {
    const { committee_name: _, ...certificate } = existing;
    return certificate;
  }
  const documentNumber = input.documentNumber.trim();
  if (!dayOnly.safeParse(input.qualifiedOn).success)
    throw new AppError('VALIDATION_FAILED', '取得资格时间应为有效日期，如 2026-12-01');
  if (!documentNumber || documentNumber.length > 100)
    throw new AppError('VALIDATION_FAILED', '请填写文号（不超过100个字符）');
  const committee = row.committee_id
    ? await certificates.committeeCertificatePattern(trx, row.committee_id)
    : undefined;
  if (!committee) throw new AppError('RULE_VIOLATED', '该申报没有评委会，不能发放证书');
  const cover = await coverOf(trx, row, now);
  // The audit chain before the counter: a transaction that issues several certificates (or audits
  // before it issues) holds the chain while it takes a counter, so every issuer must take them so.
  await holdAuditChain(trx);
  const number = await nextNumber(trx, committee.certificate_pattern, {
    year: row.year,
    levelCode: titleLevelCodes[row.title_level],
    committeeId: committee.id,
  });
  const certificate = await certificates.insertCertificate(trx, {
    application_id: row.id,
    committee_id: committee.id,
    number,
    holder_name: cover.name,
    series_name: cover.seriesName,
    title_name: cover.titleName,
    title_level: row.title_level,
    qualified_on: input.qualifiedOn,
    document_number: documentNumber,
    issued_at: now,
  });
  await appendAudit(trx, input.actor, now, {
    action: 'certificate.issue',
    objectType: 'certificate',
    objectId: certificate.id,
    detail: { applicationId: row.id, number, qualifiedOn: input.qualifiedOn, documentNumber },
  });
  return certificate;
}

/**
 * 电子证书 as its readers see it: whoever may see the application (its applicant, the desks it
 * reached) reads and downloads it; the committee that issued it revokes it; anyone checks it by
 * number and name.
 */
export function createCertificateService(db: Db, clock: Clock) {
  async function readable(actor: Actor, applicationId: number) {
    await loadFor(db, actor, applicationId, 'view');
    const certificate = await certificates.certificateOfApplication(db, applicationId);
    if (!certificate) throw notFound('该申报尚未发放电子证书');
    return certificate;
  }

  return {
    async ofApplication(actor: Actor, applicationId: number): Promise<Certificate> {
      return presentCertificate(await readable(actor, applicationId), actor);
    },

    /** 下载电子证书; a revoked certificate is not handed out again. */
    async pdf(actor: Actor, applicationId: number, options: { baseUrl: string }) {
      const c = await readable(actor, applicationId);
      if (c.revoked_at) throw new AppError('RULE_VIOLATED', '该证书已撤销');
      const content = await renderCertificatePdf({
        number: c.number,
        holderName: c.holder_name,
        seriesName: c.series_name,
        titleName: c.title_name,
        titleLevel: c.title_level,
        qualifiedOn: c.qualified_on,
        documentNumber: c.document_number,
        committeeName: c.committee_name,
        issuedAt: c.issued_at,
        // The web app routes by the address's hash, so the static server needs no route of its own.
        verifyUrl: `${options.baseUrl}/#/certificate?number=${encodeURIComponent(c.number)}`,
      });
      return { content, filename: `专业技术资格电子证书-${c.holder_name}-${c.number}.pdf` };
    },

    /** 撤销证书: by a reviewer of the committee that issued it, with a reason, once. */
    async revoke(actor: ReviewerActor, id: number, body: RevokeCertificateBody): Promise<Certificate> {
      const reason = body.reason.trim();
      await db.transaction().execute(async (trx) => {
        const c = await certificates.lockCertificate(trx, id);
        if (!c || !(actor.orgKind === 'committee' && actor.orgId === c.committee_id)) throw notFound('证书不存在');
        if (!mayRevoke(actor, c)) throw new AppError('RULE_VIOLATED', '该证书已撤销');
        const now = clock.now();
        await certificates.revokeCertificate(trx, id, { at: now, reason, accountId: actor.accountId });
        await appendAudit(trx, actor, now, {
          action: 'certificate.revoke',
          objectType: 'certificate',
          objectId: id,
          detail: { applicationId: c.application_id, number: c.number, reason },
        });
        const holder = await trx
          .selectFrom('application')
          .select('applicant_account_id')
          .where('id', '=', c.application_id)
          .executeTakeFirstOrThrow();
        await publish(trx, now, {
          type: 'certificate.revoked',
          holderAccountId: holder.applicant_account_id,
          number: c.number,
          reason,
          committeeName: actor.orgName,
          revokerAccountId: actor.accountId,
        });
      });
      return presentCertificate((await certificates.findCertificate(db, id))!, actor);
    },

    /** 证书核验: the same answer for a wrong number and a wrong name, so neither can be probed alone. */
    async verify(query: { number: string; name: string }): Promise<CertificateVerification> {
      const c = await certificates.certificateByNumberAndName(db, query.number.trim(), query.name.trim());
      if (!c) return { valid: false, status: 'notFound', message: '未找到该证书，请核对证书编号和姓名' };
      return {
        valid: !c.revoked_at,
        status: c.revoked_at ? 'revoked' : 'valid',
        message: c.revoked_at ? '证书已撤销' : '证书有效',
        number: c.number,
        holderName: c.holder_name,
        seriesName: c.series_name,
        titleName: c.title_name,
        titleLevel: c.title_level,
        qualifiedOn: c.qualified_on,
        revokedAt: c.revoked_at?.toISOString() ?? null,
      };
    },
  };
}

export type CertificateService = ReturnType<typeof createCertificateService>;
