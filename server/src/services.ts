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
  twoFactor: TwoFactorService;
  twoFactorLogin: TwoFactorLoginService;
}
