import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { createTestContext, type TestContext } from '../../../../test/test-app';
import { registerApplicant } from '../../../../test/fixtures';
import type { SmsProvider } from '../sms/sms.provider';
import { decisionNotifier } from './decision-notifier';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const silent = { warn: () => undefined } as never;

describe('decision notices by SMS', () => {
  it('sends the result to the applicant’s phone when SMS_NOTIFY is on', async () => {
    const person = await registerApplicant(ctx);
    const sent: string[] = [];
    const provider: SmsProvider = {
      name: 'recording',
      sendCode: async () => undefined,
      sendNotice: async (phone, org, result) => void sent.push(`${phone}:${org}:${result}`),
    };
    const notify = decisionNotifier(loadConfig({ SMS_NOTIFY: 'true' }), ctx.db, provider, silent);
    await notify!(person.accountId, '昆明市人社局', 'return');
    expect(sent).toEqual([`${person.phone}:昆明市人社局:返回修改`]);
  });

  it('sends nothing when switched off or when the gateway has no notice template', () => {
    const provider: SmsProvider = { name: 'codes-only', sendCode: async () => undefined };
    expect(decisionNotifier(loadConfig({}), ctx.db, provider, silent)).toBeUndefined();
    expect(decisionNotifier(loadConfig({ SMS_NOTIFY: 'true' }), ctx.db, provider, silent)).toBeUndefined();
  });

  it('does not fail the decision when the gateway fails', async () => {
    const person = await registerApplicant(ctx);
    const provider: SmsProvider = {
      name: 'broken',
      sendCode: async () => undefined,
      sendNotice: () => Promise.reject(new Error('gateway down')),
    };
    const warnings: unknown[] = [];
    const notify = decisionNotifier(loadConfig({ SMS_NOTIFY: 'true' }), ctx.db, provider, {
      warn: (o: unknown) => void warnings.push(o),
    } as never);
    await expect(notify!(person.accountId, '单位', 'approve')).resolves.toBeUndefined();
    expect(warnings).toHaveLength(1);
  });
});
