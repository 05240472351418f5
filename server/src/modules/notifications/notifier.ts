import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { insertMessage } from '../messages/message.repository';
import type { SmsProvider } from '../sms/sms.provider';
import { noticesOf, renderTemplate } from './notice-rendering';
import * as outbox from './outbox.repository';

export interface NotifierOptions {
  /** Send SMS notices (SMS_NOTIFY) through the gateway's notice template. */
  sms: boolean;
  /** How many times an SMS is tried before it is recorded as failed. */
  maxAttempts?: number;
  /** Wait before the n-th retry: `retryBaseMs × 4^(n−1)`, at most an hour. */
  retryBaseMs?: number;
  batchSize?: number;
}

export interface Notifier {
  /** Turns pending events into 我的消息 and SMS deliveries, then sends every SMS that is due. */
  runOnce(): Promise<{ events: number; sent: number; failed: number }>;
  /**
   * After a change: its events become 我的消息 and their SMS get a first try. Retries are left to the
   * rounds, so that nobody's request waits on another's gateway trouble.
   */
  afterChange(): Promise<void>;
  /** Runs `runOnce` every `intervalMs` until `stop`. */
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

type Log = { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };

const leaseMs = 120_000;

/**
 * The one place notices are made: events written by the services in their transactions become
 * 我的消息 in the notifier's own transaction (exactly once, whichever server gets there first), and SMS
 * are sent after that commits, retried with backoff, and recorded as sent or failed.
 */
export function createNotifier(
  db: Db,
  clock: Clock,
  provider: SmsProvider,
  options: NotifierOptions,
  log: Log,
): Notifier {
  const maxAttempts = options.maxAttempts ?? 5;
  const retryBaseMs = options.retryBaseMs ?? 60_000;
  const batchSize = options.batchSize ?? 50;
  const sendNotice = options.sms && provider.sendNotice ? provider.sendNotice.bind(provider) : undefined;

  /** One batch of pending events, in one transaction; returns how many, and the SMS they made. */
  async function processEvents(): Promise<{ events: number; deliveries: number[] }> {
    if (!(await outbox.hasPendingEvents(db))) return { events: 0, deliveries: [] };
    return db.transaction().execute(async (trx) => {
      const deliveries: number[] = [];
      const claimed = await outbox.claimPendingEvents(trx, batchSize);
      if (claimed.length === 0) return { events: 0, deliveries };
      const templates = await outbox.noticeTemplates(trx);
      for (const { id, event, occurredAt } of claimed) {
        const { notices, sms } = noticesOf(event);
        for (const notice of notices) {
          const template = templates.get(notice.template);
          if (template === undefined) throw new Error(`notice template ${notice.template} is missing`);
          const recipients =
            'accountId' in notice.to
              ? [notice.to.accountId]
              : await outbox.deskAccounts(trx, notice.to.desk.holder, notice.to.desk.orgId);
          for (const recipientAccountId of recipients) {
            await insertMessage(trx, occurredAt, {
              recipientAccountId,
              senderAccountId: notice.sender.accountId,
              senderKind: notice.sender.kind,
              senderOrgName: notice.sender.orgName,
              content: renderTemplate(template, notice.params),
            });
          }
        }
        if (sendNotice) {
          for (const s of sms) {
            const delivery = await outbox.insertSmsDelivery(trx, clock.now(), {
              eventId: id,
              recipientAccountId: s.accountId,
              params: s.params,
            });
            if (delivery !== undefined) deliveries.push(delivery);
          }
        }
      }
      await outbox.markProcessed(
        trx,
        claimed.map((c) => c.id),
        clock.now(),
      );
      return { events: claimed.length, deliveries };
    });
  }

  /** Every pending event, batch after batch: a burst may exceed one batch. */
  async function processAllEvents(): Promise<{ events: number; deliveries: number[] }> {
    const all = { events: 0, deliveries: [] as number[] };
    for (;;) {
      const batch = await processEvents();
      all.events += batch.events;
      all.deliveries.push(...batch.deliveries);
      if (batch.events < batchSize) return all;
    }
  }

  async function sendDueSms(only?: readonly number[]): Promise<{ sent: number; failed: number }> {
    const result = { sent: 0, failed: 0 };
    if (!sendNotice || only?.length === 0) return result;
    const due = await outbox.claimDueDeliveries(db, clock.now(), batchSize, leaseMs, only);
    for (const delivery of due) {
      const phone = await outbox.phoneOf(db, delivery.recipient_account_id);
      if (!phone) {
        await outbox.finishDelivery(db, delivery.id, { status: 'failed', at: clock.now(), error: '账号没有手机号' });
        result.failed++;
        continue;
      }
      try {
        await sendNotice(phone, delivery.params.orgName ?? '', delivery.params.result ?? '');
        await outbox.finishDelivery(db, delivery.id, { status: 'sent', at: clock.now() });
        result.sent++;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (delivery.attempts >= maxAttempts) {
          await outbox.finishDelivery(db, delivery.id, { status: 'failed', at: clock.now(), error: message });
          log.error({ deliveryId: delivery.id, attempts: delivery.attempts, err: error }, 'SMS notice failed for good');
          result.failed++;
        } else {
          const wait = Math.min(retryBaseMs * 4 ** (delivery.attempts - 1), 3_600_000);
          await outbox.retryDeliveryAt(db, delivery.id, new Date(clock.now().getTime() + wait), message);
          log.warn(
            { deliveryId: delivery.id, attempts: delivery.attempts, err: error },
            'SMS notice failed, will retry',
          );
        }
      }
    }
    return result;
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  const notifier: Notifier = {
    async runOnce() {
      const { events } = await processAllEvents();
      return { events, ...(await sendDueSms()) };
    },
    async afterChange() {
      const { deliveries } = await processAllEvents();
      await sendDueSms(deliveries);
    },
    start(intervalMs) {
      if (timer) return;
      timer = setInterval(() => {
        running = running.then(() =>
          notifier.runOnce().catch((error: unknown) => log.error({ err: error }, 'notifier run failed')),
        );
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
  return notifier;
}
