import type { Clock } from './clock';
import { createBallotService } from './modules/committee-work/ballot.service';
import type { CommitteeWorkServices } from './modules/committee-work/committee-work.routes';
import { createConfirmationService } from './modules/committee-work/confirmation.service';
import { createExpertService } from './modules/committee-work/expert.service';
import { createMeetingService } from './modules/committee-work/meeting.service';
import { createMeetingVoteService } from './modules/committee-work/meeting-vote.service';
import { createPublicNoticeService } from './modules/committee-work/public-notice.service';
import { createObjectionService } from './modules/committee-work/objection.service';
import { issueCertificate } from './modules/certificates/certificate.service';
import type { Db } from './db/database';
import { createAccountService } from './modules/account/account.service';
import { createAdminUnitService } from './modules/admin/admin-unit.service';
import { createApplicantService } from './modules/applicants/applicant.service';
import { createApplicationService } from './modules/applications/application.service';
import { createAttachmentService } from './modules/applications/attachment.service';
import { createAuthService } from './modules/auth/auth.service';
import { createSessionService } from './modules/auth/session.service';
import { createCaptchaService } from './modules/captcha/captcha.service';
import { createHealthService } from './modules/health/health.service';
import { createMessageService } from './modules/messages/message.service';
import { createOrganisationService } from './modules/organisations/organisation.service';
import { createReferenceService } from './modules/reference/reference.service';
import { createReviewExportService } from './modules/review/review-export.service';
import { createReviewService } from './modules/review/review.service';
import { createSheetService } from './modules/sheet/sheet.service';
import { createCertificateService } from './modules/certificates/certificate.service';
import { createYppmService } from './modules/yppm/yppm.service';
import type { SmsProvider } from './modules/sms/sms.provider';
import { createSmsCodeService } from './modules/sms/sms-code.service';
import { createSmsService } from './modules/sms/sms.service';
import { createLocalFileStorage } from './modules/storage/file-storage';
import { createFileService } from './modules/storage/file.service';
import { createS3FileStorage } from './modules/storage/s3-file-storage';
import { createUploadService } from './modules/storage/upload.service';
import { createSupervisionService } from './modules/supervision/supervision.service';
import { createTwoFactorLoginService } from './modules/two-factor/two-factor-login.service';
import { createTwoFactorService } from './modules/two-factor/two-factor.service';
import { createPeopleService } from './modules/units/people.service';
import { createUnitInfoService } from './modules/units/unit-info.service';
import { createUnitRegistrationService } from './modules/units/unit-registration.service';
import type { Config } from './config';
import type { AccountService } from './modules/account/account.service';
import type { AuthService } from './modules/auth/auth.service';
import type { SessionService } from './modules/auth/session.service';
import type { CaptchaService } from './modules/captcha/captcha.service';
import type { SmsService } from './modules/sms/sms.service';
import type { SmsCodeService } from './modules/sms/sms-code.service';
import type { HealthService } from './modules/health/health.service';
import type { FileService } from './modules/storage/file.service';
import type { OrganisationService } from './modules/organisations/organisation.service';
import type { ReferenceService } from './modules/reference/reference.service';
import type { UnitRegistrationService } from './modules/units/unit-registration.service';
import type { AdminUnitService } from './modules/admin/admin-unit.service';
import type { FileStorage } from './modules/storage/file-storage';
import type { UploadService } from './modules/storage/upload.service';
import type { SupervisionService } from './modules/supervision/supervision.service';
import type { UnitInfoService } from './modules/units/unit-info.service';
import type { ApplicantService } from './modules/applicants/applicant.service';
import type { MessageService } from './modules/messages/message.service';
import type { PeopleService } from './modules/units/people.service';
import type { ApplicationService } from './modules/applications/application.service';
import type { ReviewService } from './modules/review/review.service';
import type { SheetService } from './modules/sheet/sheet.service';
import type { CertificateService } from './modules/certificates/certificate.service';
import type { YppmService } from './modules/yppm/yppm.service';
import type { ReviewExportService } from './modules/review/review-export.service';
import type { AttachmentService } from './modules/applications/attachment.service';
import type { TwoFactorService } from './modules/two-factor/two-factor.service';
import type { TwoFactorLoginService } from './modules/two-factor/two-factor-login.service';

/**
 * The domain services, made once in app.ts; each routes file declares the few it uses. Routes never
 * get the database: what they need goes through a service.
 */
export interface Services {
  config: Config;
  captcha: CaptchaService;
  sms: SmsService;
  smsCodes: SmsCodeService;
  health: HealthService;
  files: FileService;
  sessions: SessionService;
  auth: AuthService;
  accounts: AccountService;
  storage: FileStorage;
  uploads: UploadService;
  unitInfo: UnitInfoService;
  organisations: OrganisationService;
  reference: ReferenceService;
  unitRegistration: UnitRegistrationService;
  adminUnits: AdminUnitService;
  supervision: SupervisionService;
  applicants: ApplicantService;
  people: PeopleService;
  messages: MessageService;
  applications: ApplicationService;
  attachments: AttachmentService;
  review: ReviewService;
  sheets: SheetService;
  certificates: CertificateService;
  yppm: YppmService;
  reviewExport: ReviewExportService;
  twoFactor: TwoFactorService;
  twoFactorLogin: TwoFactorLoginService;
  committeeWork: CommitteeWorkServices;
  clock: Clock;
}

/** Makes every service once, in the order they depend on each other. */
export function createServices(
  db: Db,
  clock: Clock,
  config: Config,
  deps: { smsProvider: SmsProvider; storage: FileStorage | undefined },
): Services {
  const { smsProvider } = deps;
  const sessions = createSessionService(db, clock, config.session, config.twoFactorRequired);
  const sms = createSmsService(db, clock, smsProvider, config.smsRules);
  const captcha = createCaptchaService(db, clock, {
    ttlMinutes: config.captchaTtlMinutes,
    testCode: config.captchaTestCode,
  });
  const auth = createAuthService(db, clock, {
    sessions,
    captcha,
    lockout: config.lockout,
    demoData: config.demoData,
    twoFactorRequired: config.twoFactorRequired,
    smsDailyLimit: config.smsRules.dailyLimit,
  });
  const storage =
    deps.storage ??
    (config.storage.kind === 's3'
      ? createS3FileStorage(config.storage)
      : createLocalFileStorage(config.uploads.filesDir));
  const accounts = createAccountService(db, clock, { sms, sessions, captcha, lockout: config.lockout });
  const uploads = createUploadService(db, clock, storage, config.uploads.maxBytes);
  const unitInfo = createUnitInfoService(db, clock, { uploads });
  const applications = createApplicationService(db, clock, { unitReadiness: (unit) => unitInfo.readiness(unit) });
  const sheets = createSheetService(db, clock, { applications, storage, cacheBytes: config.print.cacheBytes });
  const committeeWork: CommitteeWorkServices = {
    experts: createExpertService(db, clock),
    meetings: createMeetingService(db, clock),
    meetingVotes: createMeetingVoteService(db, clock),
    ballots: createBallotService(db, clock),
    notices: createPublicNoticeService(db, clock),
    objections: createObjectionService(db, clock, { captcha }),
    confirmations: createConfirmationService(db, clock, { issueCertificate }),
  };
  return {
    config,
    clock,
    committeeWork,
    sessions,
    sms,
    auth,
    captcha,
    smsCodes: createSmsCodeService({ sms, captcha }),
    health: createHealthService(db, config.healthTimeoutMs),
    files: createFileService(db, clock, storage),
    accounts,
    storage,
    uploads,
    unitInfo,
    organisations: createOrganisationService(db, clock),
    reference: createReferenceService(db, clock),
    unitRegistration: createUnitRegistrationService(db, clock, sms),
    adminUnits: createAdminUnitService(db, clock, { accounts }),
    supervision: createSupervisionService(db, clock),
    applicants: createApplicantService(db, clock, { sms, unitInfo }),
    people: createPeopleService(db, clock, accounts),
    messages: createMessageService(db, clock),
    applications,
    attachments: createAttachmentService(db, clock, { uploads, storage }),
    review: createReviewService(db, clock, { applications }),
    sheets,
    certificates: createCertificateService(db, clock),
    yppm: createYppmService(db, clock, { sheets }),
    reviewExport: createReviewExportService(db, clock, config.reviewExport),
    twoFactor: createTwoFactorService(db, clock, {
      sessions,
      lockout: config.lockout,
      required: config.twoFactorRequired,
    }),
    twoFactorLogin: createTwoFactorLoginService(db, clock, { sessions, lockout: config.lockout }),
  };
}
