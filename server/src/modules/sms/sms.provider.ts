import type { Db } from '../../db/database';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import { insertOutboxMessage } from './sms.repository';

/** Sends one verification code by text message. A gateway adapter implements it. */
export interface SmsProvider {
  readonly name: string;
  sendCode(phone: string, code: string, ttlMinutes: number): Promise<void>;
  /** A review notice (“您的申报已被{1}{2}”); a gateway without a notice template does not send one. */
  sendNotice?(phone: string, orgName: string, result: string): Promise<void>;
}

export function noticeText(orgName: string, result: string): string {
  return `您的职称申报已被${orgName}${result}，请登录系统查看。`;
}

export function smsCodeText(code: string, ttlMinutes: number): string {
  return `您的验证码为 ${code}，${ttlMinutes} 分钟内有效。如非本人操作，请忽略本短信。`;
}

/**
 * Development and tests: the message goes to the sms_outbox table (not to process memory, so any
 * server of a cluster can show it) and to the log.
 */
export function createConsoleSmsProvider(db: Db, clock: Clock, log: (msg: string) => void): SmsProvider {
  return {
    name: 'console',
    async sendCode(phone, code, ttlMinutes) {
      const content = smsCodeText(code, ttlMinutes);
      await insertOutboxMessage(db, { phone, content, provider: 'console', createdAt: clock.now() });
      log(`[短信] ${phone}: ${content}`);
    },
    async sendNotice(phone, orgName, result) {
      const content = noticeText(orgName, result);
      await insertOutboxMessage(db, { phone, content, provider: 'console', createdAt: clock.now() });
      log(`[短信] ${phone}: ${content}`);
    },
  };
}

type TencentConfig = Extract<Config['sms'], { provider: 'tencent' }>;

/** Tencent Cloud SMS through its official SDK; the template takes the code and its lifetime in minutes. */
export async function createTencentSmsProvider(config: TencentConfig): Promise<SmsProvider> {
  const { sms } = await import('tencentcloud-sdk-nodejs-sms');
  const client = new sms.v20210111.Client({
    credential: { secretId: config.secretId, secretKey: config.secretKey },
    region: config.region,
  });
  return {
    name: 'tencent',
    async sendCode(phone, code, ttlMinutes) {
      const result = await client.SendSms({
        SmsSdkAppId: config.sdkAppId,
        SignName: config.signName,
        TemplateId: config.templateId,
        TemplateParamSet: [code, String(ttlMinutes)],
        PhoneNumberSet: [`+86${phone}`],
      });
      assertSent(result.SendStatusSet?.[0]);
    },
    ...(config.noticeTemplateId
      ? {
          async sendNotice(phone: string, orgName: string, resultText: string) {
            const result = await client.SendSms({
              SmsSdkAppId: config.sdkAppId,
              SignName: config.signName,
              TemplateId: config.noticeTemplateId!,
              TemplateParamSet: [orgName, resultText],
              PhoneNumberSet: [`+86${phone}`],
            });
            assertSent(result.SendStatusSet?.[0]);
          },
        }
      : {}),
  };
}

function assertSent(status: { Code?: string; Message?: string } | undefined): void {
  if (!status || status.Code !== 'Ok')
    throw new Error(`Tencent SMS refused: ${status?.Code ?? 'no status'} ${status?.Message ?? ''}`);
}
