import type { Clock } from './clock';
import type { Config } from './config';
import type { Db } from './db/database';
import type { AccountService } from './modules/account/account.service';
import type { AuthService } from './modules/auth/auth.service';
import type { SessionService } from './modules/auth/session.service';
import type { CaptchaService } from './modules/captcha/captcha.service';
import type { SmsService } from './modules/sms/sms.service';
import type { SmsCodeService } from './modules/sms/sms-code.service';
import type { HealthService } from './modules/health/health.service';
import type { FileService } from './modules/storage/file.service';
import type { OrganisationService } from './modules/organisations/organisation.service';
import type { FileStorage } from './modules/storage/file-storage';
import type { UploadService } from './modules/storage/upload.service';
import type { SupervisionService } from './modules/supervision/supervision.service';
import type { UnitInfoService } from './modules/units/unit-info.service';
import type { ApplicantService } from './modules/applicants/applicant.service';
import type { MessageService } from './modules/messages/message.service';
import type { PeopleService } from './modules/units/people.service';
import type { ApplicationService } from './modules/applications/application.service';
import type { ReviewService } from './modules/review/review.service';

/** What route modules are given: the configuration, the database and the domain services. */
export interface Services {
  config: Config;
  db: Db;
  clock: Clock;
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
  supervision: SupervisionService;
  applicants: ApplicantService;
  people: PeopleService;
  messages: MessageService;
  applications: ApplicationService;
  review: ReviewService;
}
