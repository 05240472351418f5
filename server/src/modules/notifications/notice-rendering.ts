import {
  reviewStageLabels,
  stageDeciders,
  type AccountKind,
  type DecisionAction,
  type RouteStep,
  type StageDecider,
} from '#common';
import { beijingMinute } from '../../clock';
import type { NoticeEvent } from './notice-event';

/** One 我的消息 an event leaves: to an account, or to whoever works at a stage's desk. */
export interface Notice {
  to: { accountId: number } | { desk: RouteStep };
  /** `orgName`: the organisation a reviewer decided for, shown as the sender instead of their own name. */
  sender: { accountId: number | null; kind: AccountKind | 'system'; orgName?: string };
  template: string;
  params: Record<string, string>;
}

/** An SMS an event sends when SMS notices are on: the gateway's notice template takes these two values. */
export interface SmsNotice {
  accountId: number;
  params: { orgName: string; result: string };
}

const system = { accountId: null, kind: 'system' } as const;
const opinionSuffix = (opinion: string) => (opinion ? `审核意见：${opinion}` : '');
const decisionResults = {
  approve: '审核通过',
  reject: '审核不通过',
  return: '返回修改',
  reset: '重置流程',
  revote: '异议成立，将重新表决',
} as const;

/** The committee's steps in their own words: nothing says 审核通过 before the bureau confirmed the result. */
const committeeResults: Partial<Record<StageDecider, Partial<Record<DecisionAction, string>>>> = {
  meeting: { approve: '评审会议表决通过，进入公示', reject: '未通过评审' },
  publicNotice: { approve: '公示期满，待确认', revote: '异议成立，将重新表决' },
  confirmation: { approve: '已通过评审', reject: '未通过评审' },
};

function arrival(step: RouteStep, applicantName: string): Notice {
  return {
    to: { desk: step },
    sender: system,
    template:
      step.holder === 'unit'
        ? 'application.arrived.unit'
        : stageDeciders[step.stage] === 'desk'
          ? 'application.arrived.reviewer'
          : `application.arrived.${stageDeciders[step.stage]}`,
    params: { applicantName, stageLabel: reviewStageLabels[step.stage], orgName: step.orgName },
  };
}

/** Who is told what, for each kind of event. */
export function noticesOf(event: NoticeEvent): { notices: Notice[]; sms: SmsNotice[] } {
  switch (event.type) {
    case 'applicant.registered':
      return {
        notices: [
          { to: { accountId: event.accountId }, sender: system, template: event.type, params: { name: event.name } },
        ],
        sms: [],
      };
    case 'applicant.unitChosen':
      return {
        notices: [
          {
            to: { accountId: event.unitAccountId },
            sender: system,
            template: event.type,
            params: { personName: event.personName },
          },
        ],
        sms: [],
      };
    case 'person.passwordReset':
    case 'person.removed':
      return {
        notices: [
          {
            to: { accountId: event.personAccountId },
            sender: system,
            template: event.type,
            params: { unitName: event.unitName },
          },
        ],
        sms: [],
      };
    case 'account.locked':
      return {
        notices: [
          {
            to: { accountId: event.accountId },
            sender: system,
            template: event.lockedUntil ? 'account.locked.temporary' : 'account.locked.held',
            params: {
              lockedAt: beijingMinute(new Date(event.lockedAt)),
              lockedUntil: event.lockedUntil ? beijingMinute(new Date(event.lockedUntil)) : '',
              maxFailures: String(event.maxFailures),
              unlockBy: event.unlockBy,
            },
          },
        ],
        sms: [],
      };
    case 'certificate.revoked':
      return {
        notices: [
          {
            to: { accountId: event.holderAccountId },
            sender: { accountId: event.revokerAccountId, kind: 'reviewer', orgName: event.committeeName },
            template: event.type,
            params: { number: event.number, reason: event.reason, committeeName: event.committeeName },
          },
        ],
        sms: [],
      };
    case 'supervisor.requested':
      return {
        notices: [
          {
            to: { desk: { stage: 'supervisorReview', holder: 'supervisor', orgId: event.supervisorId, orgName: '' } },
            sender: { accountId: event.unitAccountId, kind: 'unit' },
            template: event.type,
            params: { unitName: event.unitName },
          },
        ],
        sms: [],
      };
    case 'supervisor.requestDecided':
      return {
        notices: [
          {
            to: { accountId: event.unitAccountId },
            sender: { accountId: event.deciderAccountId, kind: 'reviewer', orgName: event.supervisorName },
            template: `${event.type}.${event.decision}`,
            params: {
              supervisorName: event.supervisorName,
              opinion: event.opinion,
              opinionSuffix: opinionSuffix(event.opinion),
            },
          },
        ],
        sms: [],
      };
    case 'application.submitted':
      return {
        notices: [
          {
            to: { accountId: event.applicantAccountId },
            sender: system,
            template: 'application.submitted.applicant',
            params: { stageLabel: reviewStageLabels[event.step.stage], orgName: event.step.orgName },
          },
          arrival(event.step, event.applicantName),
        ],
        sms: [],
      };
    case 'application.decided': {
      const goesOn = event.action === 'approve' && event.nextStep !== null;
      const told: Notice = {
        to: { accountId: event.applicantAccountId },
        sender: { ...event.decider, orgName: event.orgName },
        template:
          event.decidedBy && event.decidedBy !== 'desk'
            ? `application.decided.${event.decidedBy}.${event.action}`
            : event.action === 'approve' && !goesOn
              ? 'application.decided.approve.final'
              : `application.decided.${event.action}`,
        params: {
          orgName: event.orgName,
          stageLabel: event.nextStep ? reviewStageLabels[event.nextStep.stage] : '',
          nextOrgName: event.nextStep?.orgName ?? '',
          opinionSuffix: opinionSuffix(event.opinion),
        },
      };
      return {
        notices: goesOn ? [told, arrival(event.nextStep!, event.applicantName)] : [told],
        sms: [
          {
            accountId: event.applicantAccountId,
            params: {
              orgName: event.orgName,
              result:
                (event.decidedBy && committeeResults[event.decidedBy]?.[event.action]) ?? decisionResults[event.action],
            },
          },
        ],
      };
    }
  }
}

/** Fills `{name}` marks from `params`; a mark without a value is left for someone to notice. */
export function renderTemplate(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (mark, name: string) => params[name] ?? mark);
}
