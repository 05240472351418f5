import type { Certificate } from '#common';
import type { Actor } from '../../domain/actor';
import type { IssuedCertificate } from './certificate.repository';

/** Only a reviewer of the committee that issued it revokes a certificate, and only once. */
export const mayRevoke = (actor: Actor, c: Pick<IssuedCertificate, 'committee_id' | 'revoked_at'>) =>
  actor.kind === 'reviewer' && actor.orgKind === 'committee' && actor.orgId === c.committee_id && !c.revoked_at;

export const presentCertificate = (c: IssuedCertificate, actor: Actor): Certificate => ({
  id: String(c.id),
  applicationId: String(c.application_id),
  number: c.number,
  holderName: c.holder_name,
  seriesName: c.series_name,
  titleName: c.title_name,
  titleLevel: c.title_level,
  qualifiedOn: c.qualified_on,
  documentNumber: c.document_number,
  committeeName: c.committee_name,
  issuedAt: c.issued_at.toISOString(),
  revokedAt: c.revoked_at?.toISOString() ?? null,
  revokedReason: c.revoked_reason,
  canRevoke: mayRevoke(actor, c),
});
