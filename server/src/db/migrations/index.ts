import type { Migration } from 'kysely';
import * as accounts from './2026-11-24-001-accounts';
import * as organisations from './2026-11-24-002-organisations';
import * as applicants from './2026-11-24-003-applicants';
import * as applications from './2026-11-24-004-applications';
import * as review from './2026-11-24-005-review';
import * as notifications from './2026-12-02-006-notifications';
import * as messageSenderOrg from './2026-12-02-007-message-sender-org';
import * as disableOrganisations from './2026-12-02-008-disable-organisations';
import * as loginGuard from './2026-12-02-009-login-guard';
import * as fileGuard from './2026-12-02-010-file-guard';
import * as twoFactor from './2026-12-02-011-two-factor';
import * as fieldEncryption from './2026-12-02-012-field-encryption';
import * as auditChain from './2026-12-02-013-audit-chain';
import * as printRecord from './2026-12-02-014-print-record';
import * as deskOrder from './2026-12-02-015-desk-order';
import * as committeePdfAttachments from './2026-12-02-016-committee-pdf-attachments';
import * as committeeWork from './2026-12-02-017-committee-work';
import * as certificates from './2026-12-02-018-certificates';
import * as listScale from './2026-12-02-019-list-scale';
import * as deskCount from './2026-12-02-020-desk-count';
import * as deskRecord from './2026-12-02-021-desk-record';

/** Every migration, by its frozen name; the names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026-11-24-001-accounts': accounts,
  '2026-11-24-002-organisations': organisations,
  '2026-11-24-003-applicants': applicants,
  '2026-11-24-004-applications': applications,
  '2026-11-24-005-review': review,
  '2026-12-02-006-notifications': notifications,
  '2026-12-02-007-message-sender-org': messageSenderOrg,
  '2026-12-02-008-disable-organisations': disableOrganisations,
  '2026-12-02-009-login-guard': loginGuard,
  '2026-12-02-010-file-guard': fileGuard,
  '2026-12-02-011-two-factor': twoFactor,
  '2026-12-02-012-field-encryption': fieldEncryption,
  '2026-12-02-013-audit-chain': auditChain,
  '2026-12-02-014-print-record': printRecord,
  '2026-12-02-015-desk-order': deskOrder,
  '2026-12-02-016-committee-pdf-attachments': committeePdfAttachments,
  '2026-12-02-017-committee-work': committeeWork,
  '2026-12-02-018-certificates': certificates,
  '2026-12-02-019-list-scale': listScale,
  '2026-12-02-020-desk-count': deskCount,
  '2026-12-02-021-desk-record': deskRecord,
};
