import type { DecisionAction, RouteStep, StageDecider } from '#common';

/**
 * What happened, as the services tell it: written to the outbox in the transaction of the change, and
 * turned into 我的消息 (and SMS) by the notifier after commit. Events carry names as they were at the
 * time, so a notice reads the same whenever it is delivered.
 */
export type NoticeEvent =
  | { type: 'applicant.registered'; accountId: number; name: string }
  | { type: 'applicant.unitChosen'; unitAccountId: number; personName: string }
  | { type: 'person.passwordReset'; personAccountId: number; unitName: string }
  | { type: 'person.removed'; personAccountId: number; unitName: string }
  | {
      /** Told to the owner, who may not know that someone is guessing their password. */
      type: 'account.locked';
      accountId: number;
      lockedAt: string;
      /** When the lock lifts by itself; null: held until unlocked. */
      lockedUntil: string | null;
      maxFailures: number;
      /** Whom to ask, in words: 联系平台进行解锁, … */
      unlockBy: string;
    }
  | { type: 'supervisor.requested'; supervisorId: number; unitAccountId: number; unitName: string }
  | {
      type: 'supervisor.requestDecided';
      unitAccountId: number;
      supervisorName: string;
      decision: 'approve' | 'reject';
      opinion: string;
      deciderAccountId: number;
    }
  | {
      type: 'application.submitted';
      applicationId: number;
      applicantAccountId: number;
      applicantName: string;
      /** The stage it went to: the first, or the one that returned it. */
      step: RouteStep;
    }
  | {
      type: 'application.decided';
      applicationId: number;
      applicantAccountId: number;
      applicantName: string;
      action: DecisionAction;
      opinion: string;
      /** Who decided: a desk, or the committee's meeting, 公示 or the bureau's 确认 (their own wording). */
      decidedBy?: StageDecider;
      decider: { accountId: number; kind: 'unit' | 'reviewer' };
      orgName: string;
      /** Where an approved application went on to; null when the decision ended its route here. */
      nextStep: RouteStep | null;
    }
  | {
      /** 撤销证书: its holder is told by the committee that revoked it, with the reason. */
      type: 'certificate.revoked';
      holderAccountId: number;
      number: string;
      reason: string;
      committeeName: string;
      revokerAccountId: number;
    };

export type NoticeEventType = NoticeEvent['type'];
