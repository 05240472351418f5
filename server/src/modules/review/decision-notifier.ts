import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import type { SmsProvider } from '../sms/sms.provider';
import type { DecisionNotifier } from './review.service';

const results = { approve: '审核通过', reject: '审核不通过', return: '返回修改', reset: '重置流程' } as const;

/** The SMS side of a decision's notice, when SMS_NOTIFY is on and the gateway has a notice template. */
export function decisionNotifier(
  config: Config,
  db: Db,
  provider: SmsProvider,
  log: FastifyBaseLogger,
): DecisionNotifier | undefined {
  if (!config.smsNotify || !provider.sendNotice) return undefined;
  const send = provider.sendNotice.bind(provider);
  return async (accountId, orgName, action) => {
    const account = await db.selectFrom('account').select('phone').where('id', '=', accountId).executeTakeFirst();
    if (!account?.phone) return;
    try {
      await send(account.phone, orgName, results[action]);
    } catch (error) {
      // The decision stands and 我的消息 has the notice; a failed SMS is only logged.
      log.warn({ err: error, accountId }, 'decision SMS notice failed');
    }
  };
}
