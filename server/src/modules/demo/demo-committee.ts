import { randomUUID } from 'node:crypto';
import { isWorkingDay, meetingBodySchema, type BallotChoice, type TitleLevel } from '#common';
import { beijingDay, type FakeClock } from '../../clock';
import type { Db } from '../../db/database';
import type { ReviewerActor } from '../../domain/actor';
import type { Services } from '../../services';
import { approvedBy, evaluation, type DemoCase } from './demo-applications';
import { demoMeetingSpecialty, type DemoExpert } from './demo-experts';
import { demoColleagues } from './demo-people';
import { skipFirstPasswordChange, type DemoCredential } from './demo.repository';

const day = 24 * 3600_000;

/** The people whose applications went on to the committee's meetings, by where each stands at the end. */
const roles = {
  confirmed: 'sunYue',
  awaitingConfirmation: 'wuFang',
  failedVote: 'zhengHao',
  inNotice: 'fengTao',
  onAgenda: 'heJia',
  alsoOnAgenda: 'luoMing',
} as const satisfies Record<string, keyof typeof demoColleagues>;
type Role = keyof typeof roles;

/** Their applications, passed by the seven desks before 评审会议 some weeks ago; 冯涛 applies for 副高级. */
export const committeeCases: DemoCase[] = Object.entries(roles).map(([role, who]) =>
  evaluation(who, role === 'inNotice' ? '副研究馆员' : '馆员', approvedBy(7)),
);

export interface CommitteeStage {
  db: Db;
  work: Services['committeeWork'];
  /** The story's clock, as in demo-applications.ts. */
  clock: FakeClock;
  /** The year of the batch, in the meetings' and notices' titles. */
  year: number;
  office: ReviewerActor;
  /** The committee's 评审结果确认部门. */
  bureau: ReviewerActor;
  experts: DemoExpert[];
  /** The application of each demo person (seedDemoApplications). */
  applications: Partial<Record<DemoCase['who'], number>>;
  /** What the seed's captcha accepts: the demo's objections go through the public service like a visitor's. */
  captchaCode: string;
}

function applicationOf(c: CommitteeStage, role: Role): number {
  const id = c.applications[roles[role]];
  if (id === undefined) throw new Error(`演示申报缺少${demoColleagues[roles[role]].name}（committeeCases）`);
  return id;
}

/** 09:00 Beijing time the next working day: the committee's work of weeks ago kept office hours. */
function nextMorning(clock: FakeClock): void {
  let next = beijingDay(new Date(clock.now().getTime() + day));
  while (!isWorkingDay(next)) next = beijingDay(new Date(new Date(`${next}T12:00:00+08:00`).getTime() + day));
  clock.set(`${next}T09:00:00+08:00`);
}

interface OpenMeeting {
  id: number;
  /** The members drawn and signed in, in the draw's order. */
  present: DemoExpert[];
}

/**
 * 新建会议 today, 列入议程, 抽取专家 (5 of the six archivists from outside the demo unit: its own is
 * recused), 签到 of all but the last `absent` members drawn, and 开始投票, as the office does them.
 */
async function openMeeting(
  c: CommitteeStage,
  m: { title: string; titleLevel: TitleLevel; applicationIds: number[]; absent: number },
): Promise<OpenMeeting> {
  const { meetings, meetingVotes } = c.work;
  const id = await meetings.create(
    c.office,
    meetingBodySchema.parse({
      title: m.title,
      meetingDate: beijingDay(c.clock.now()),
      place: '云南省档案馆学术报告厅',
      titleLevel: m.titleLevel,
      specialties: [demoMeetingSpecialty],
      size: 5,
    }),
  );
  c.clock.advanceMinutes(10);
  await meetings.addAgenda(c.office, id, m.applicationIds);
  c.clock.advanceMinutes(5);
  const drawn = await meetingVotes.draw(c.office, id);
  const members = drawn.members.map((d) => c.experts.find((e) => String(e.accountId) === d.expertId)!);
  const present = members.slice(0, members.length - m.absent);
  c.clock.advanceMinutes(25);
  await meetingVotes.attendance(
    c.office,
    id,
    present.map((e) => e.accountId),
  );
  c.clock.advanceMinutes(5);
  await meetingVotes.open(c.office, id);
  return { id, present };
}

/** Each present member's ballot on each application, in the members' order (null: not cast yet). */
async function castBallots(
  c: CommitteeStage,
  meeting: OpenMeeting,
  ballots: [applicationId: number, choices: (BallotChoice | null)[]][],
): Promise<void> {
  for (const [applicationId, choices] of ballots) {
    for (const [i, choice] of choices.entries()) {
      if (choice === null) continue;
      c.clock.advanceMinutes(2);
      await c.work.ballots.cast(meeting.present[i]!.actor, meeting.id, applicationId, choice);
    }
  }
}

/** 提出异议 on the public 公示 page, about one person on the list; gives the objection's id. */
async function object(c: CommitteeStage, noticeId: number, role: Role, content: string): Promise<number> {
  const name = demoColleagues[roles[role]].name;
  const { entries } = await c.work.objections.publicNotice(noticeId);
  const entry = entries.find((e) => e.applicantName === name)!;
  const filed = await c.work.objections.object(
    noticeId,
    {
      entryId: Number(entry.id),
      content,
      contactName: '李女士',
      contactPhone: '13700000001',
      captchaId: randomUUID(),
      captchaCode: c.captchaCode,
    },
    null,
  );
  return Number(filed.id);
}

/**
 * The committee's work of some weeks ago: the first meeting (one application fails the vote), its 公示
 * with an objection answered 异议不成立, 结束公示 after the period, and the bureau's 确认 of one of the two
 * (with its certificate); the other still waits for it.
 */
export async function seedCommitteeHistory(c: CommitteeStage): Promise<void> {
  const { meetingVotes, notices, confirmations } = c.work;
  const [confirmed, waiting, failed] = (['confirmed', 'awaitingConfirmation', 'failedVote'] as const).map((r) =>
    applicationOf(c, r),
  ) as [number, number, number];
  nextMorning(c.clock);
  const first = await openMeeting(c, {
    title: `${c.year}年档案系列中级职称评审会议（第一次）`,
    titleLevel: 'intermediate',
    applicationIds: [confirmed, waiting, failed],
    absent: 0,
  });
  await castBallots(c, first, [
    [confirmed, ['agree', 'agree', 'agree', 'agree', 'agree']],
    [waiting, ['agree', 'agree', 'agree', 'agree', 'disagree']],
    // 2 同意 of 5 present, short of 2/3: 未通过评审.
    [failed, ['agree', 'agree', 'disagree', 'disagree', 'abstain']],
  ]);
  c.clock.advanceMinutes(20);
  await meetingVotes.close(c.office, first.id);

  nextMorning(c.clock);
  const noticeId = await notices.publish(c.office, {
    title: `${c.year}年档案系列中级职称评审结果公示（第一批）`,
    applicationIds: [confirmed, waiting],
  });
  c.clock.advance(day);
  const objection = await object(
    c,
    noticeId,
    'awaitingConfirmation',
    '该同志论文的发表时间与申报材料所填不符，请核实。',
  );
  nextMorning(c.clock);
  await notices.answer(c.office, objection, {
    answer: '经核实，论文发表时间与期刊目录一致，异议不成立。',
    upheld: false,
  });
  // 结束公示 the first working morning after the period (its last day, holidays not counted, from the notice).
  const { endsOn } = await notices.detail(c.office, noticeId);
  c.clock.set(`${endsOn}T09:00:00+08:00`);
  nextMorning(c.clock);
  await notices.close(c.office, noticeId);

  nextMorning(c.clock);
  nextMorning(c.clock);
  await confirmations.confirm(c.bureau, {
    applicationIds: [confirmed],
    documentNumber: `云人社职〔${c.year}〕7号`,
    qualifiedOn: beijingDay(c.clock.now()),
  });
}

/**
 * The committee's work of the last two days: a meeting's result in a 公示 open now, with an objection
 * the office has still to answer, and a meeting voting now with two demo experts present, one of whom has
 * voted on one application and the other not yet. Gives those two experts' login page credentials.
 */
export async function seedCommitteeNow(c: CommitteeStage): Promise<DemoCredential[]> {
  const { meetingVotes, notices } = c.work;
  const inNotice = applicationOf(c, 'inNotice');
  const second = await openMeeting(c, {
    title: `${c.year}年档案系列副高级职称评审会议`,
    titleLevel: 'associateSenior',
    applicationIds: [inNotice],
    absent: 1,
  });
  await castBallots(c, second, [[inNotice, ['agree', 'agree', 'agree', 'disagree']]]);
  c.clock.advanceMinutes(15);
  await meetingVotes.close(c.office, second.id);
  c.clock.advanceMinutes(40);
  const noticeId = await notices.publish(c.office, {
    title: `${c.year}年档案系列副高级职称评审结果公示`,
    applicationIds: [inNotice],
  });
  c.clock.advanceMinutes(180);
  await object(c, noticeId, 'inNotice', '该同志近五年年度考核中有一年为基本合格，请核实是否符合申报条件。');

  c.clock.advanceMinutes(60);
  const [agendaA, agendaB] = [applicationOf(c, 'onAgenda'), applicationOf(c, 'alsoOnAgenda')];
  const third = await openMeeting(c, {
    title: `${c.year}年档案系列中级职称评审会议（第二次）`,
    titleLevel: 'intermediate',
    applicationIds: [agendaA, agendaB],
    absent: 1,
  });
  await castBallots(c, third, [
    [agendaA, [null, 'agree', 'agree', 'agree']],
    [agendaB, [null, null, 'agree']],
  ]);
  const [notYet, votedOnce] = third.present as [DemoExpert, DemoExpert];
  for (const e of [notYet, votedOnce]) await skipFirstPasswordChange(c.db, e.accountId);
  const login = '（登录页选【评审专家】）';
  return [
    {
      kind: 'expert',
      username: notYet.loginName,
      password: notYet.temporaryPassword,
      note: `评审专家：${notYet.name}，会议投票中，尚未投票${login}`,
    },
    {
      kind: 'expert',
      username: votedOnce.loginName,
      password: votedOnce.temporaryPassword,
      note: `评审专家：${votedOnce.name}，已对一份申报投票${login}`,
    },
  ];
}
