import {
  attachmentCategoryInfo,
  type ApplicationKind,
  type AttachmentCategory,
  type FormTableKey,
  type ReviewStage,
} from '#common';
import { beijingDay, type FakeClock } from '../../clock';
import type { ApplicantActor, DeskActor } from '../../domain/actor';
import type { Services } from '../../services';
import { sampleFile } from './demo-files';
import { demoCorrection, demoForm } from './demo-form';
import type { demoColleagues } from './demo-people';

type Decision = { action: 'approve' } | { action: 'reject' | 'return'; opinion: string };
/** After a 返回修改 the applicant corrects the form (demoCorrection) and submits again. */
type Step = Decision | { action: 'resubmit' };

interface DemoCase {
  /** The demo applicant of the login page, or one of the unit's colleagues. */
  who: 'applicant' | keyof typeof demoColleagues;
  kind: ApplicationKind;
  title: '助理馆员' | '馆员' | '副研究馆员';
  /** A draft is filled (提交前检查 passes) but not submitted. */
  submit: boolean;
  /** Taken in turn by whoever holds the application then. */
  steps: Step[];
}

const approve: Decision = { action: 'approve' };
const evaluation = (who: DemoCase['who'], title: DemoCase['title'], steps: Step[]): DemoCase => ({
  who,
  kind: 'evaluation',
  title,
  submit: true,
  steps,
});

/**
 * An application at every stage of the county route (单位审核 → 主管部门审核 → 县区人社局审核 →
 * 州市人社局审核 → 评委会电子材料审核), passed, rejected, returned, resubmitted after a 返回修改, and a
 * draft: every demo desk has work, and the committee has one at and one past its print-from stage.
 */
export const demoCases: DemoCase[] = [
  evaluation('zhaoLei', '馆员', [approve, approve, approve, approve, approve]),
  evaluation('yangFan', '副研究馆员', [approve, approve, approve, approve]),
  evaluation('huangLi', '馆员', [
    approve,
    approve,
    { action: 'reject', opinion: '所发表论文与申报专业关联度不足，业绩条件不符合馆员申报要求' },
  ]),
  evaluation('chenJing', '馆员', [
    approve,
    approve,
    approve,
    { action: 'return', opinion: '请在表四补充“档案库房改造”的工作成效后重新提交' },
    { action: 'resubmit' },
  ]),
  evaluation('liuYang', '馆员', [approve, approve]),
  evaluation('applicant', '馆员', [
    approve,
    approve,
    { action: 'return', opinion: '请补充表十一所列年度的年度考核登记表后重新提交' },
  ]),
  evaluation('zhangMin', '馆员', [approve]),
  evaluation('liNa', '助理馆员', []),
  { who: 'zhouQiang', kind: 'assessment', title: '助理馆员', submit: true, steps: [] },
  { who: 'applicant', kind: 'evaluation', title: '副研究馆员', submit: false, steps: [] },
];

/** What each desk writes when it passes an application (the unit's is printed as 单位审核推荐意见). */
const approvals: Record<ReviewStage, string> = {
  unitReview: '该同志政治素质好，业务能力强，申报材料真实，同意推荐。',
  supervisorReview: '同意。',
  countyBureauReview: '材料齐全，同意上报。',
  cityBureauReview: '同意。',
  provinceBureauReview: '同意。',
  committeeCheck: '电子材料审核通过。',
  officeReview: '材料齐全，符合申报条件，无重复申报。',
  groupReview: '专业组初审：业绩突出，同意提交评审会议。',
  meeting: '',
  publicNotice: '',
  confirmation: '',
};
const unitOpinion = '该同志遵纪守法，爱岗敬业，工作认真负责，近五年年度考核均为合格，经单位公示无异议，同意推荐。';

export interface DemoStage {
  services: Pick<Services, 'applications' | 'attachments' | 'review'>;
  /** The story's clock: each step a little later than the one before. */
  clock: FakeClock;
  batchId: string;
  titleIds: Record<DemoCase['title'], string>;
  specialtyId: string;
  unitName: string;
  people: Record<DemoCase['who'], ApplicantActor>;
  desks: Record<ReviewStage, DeskActor | undefined>;
}

/** Moves the story's clock on by uneven steps, so the desks' times read like people's. */
function pacer(clock: FakeClock): () => void {
  const pauses = [35, 50, 20, 65, 40, 80];
  let next = 0;
  return () => clock.advanceMinutes(pauses[next++ % pauses.length]!);
}

/** A draft with every table filled and each attachment 提交前检查 asks for, as its applicant makes it. */
async function fill(stage: DemoStage, actor: ApplicantActor, demo: DemoCase): Promise<number> {
  const { applications, attachments } = stage.services;
  const id = await applications.create(actor, {
    kind: demo.kind,
    batchId: demo.kind === 'evaluation' ? stage.batchId : undefined,
    titleId: stage.titleIds[demo.title],
    specialtyStudiedId: stage.specialtyId,
    specialtyPractisedId: stage.specialtyId,
  });
  const app = await applications.view(actor, id);
  const form = demoForm({
    name: actor.displayName,
    year: app.year,
    level: app.title.level,
    organisation: stage.unitName,
    today: beijingDay(stage.clock.now()),
  });
  let version = app.version;
  for (const [table, data] of Object.entries(form) as [FormTableKey, unknown][]) {
    version = (await applications.saveTable(actor, id, table, version, data)).version;
  }
  for (const issue of (await applications.check(actor, id)).issues) {
    if (!issue.section.startsWith('attachment:')) {
      throw new Error(`演示申报表未填写完整（demo-form.ts）：${issue.sectionLabel} ${issue.message}`);
    }
    const category = issue.section.slice('attachment:'.length) as AttachmentCategory;
    const { label } = attachmentCategoryInfo[category];
    await attachments.add(actor, id, category, {
      originalName: `${label}.pdf`,
      content: await sampleFile(`演示材料：${label}`),
    });
  }
  return id;
}

async function submit(stage: DemoStage, actor: ApplicantActor, id: number): Promise<void> {
  const { applications } = stage.services;
  await applications.submit(actor, id, (await applications.view(actor, id)).version);
}

/** The desk holding the application decides, as on its 申报审核 page (表十二 first at the unit). */
async function decide(stage: DemoStage, applicant: ApplicantActor, id: number, decision: Decision): Promise<void> {
  const { applications, review } = stage.services;
  const at = (await applications.view(applicant, id)).stage;
  const desk = at ? stage.desks[at] : undefined;
  if (!at || !desk) throw new Error(`演示申报 ${id} 不在任何演示审核用户的审核环节`);
  if (at === 'unitReview' && decision.action === 'approve' && desk.kind === 'unit') {
    const saved = await review.unitOpinion(desk, id);
    await review.saveUnitOpinion(desk, id, saved.version, unitOpinion);
  }
  const { version } = await applications.view(desk, id);
  const opinion = decision.action === 'approve' ? approvals[at] : decision.opinion;
  await review.decide(desk, { items: [{ id: String(id), version }], action: decision.action, opinion });
}

/** Runs every case through the services the pages call, one step after another on the story's clock. */
export async function seedDemoApplications(stage: DemoStage): Promise<void> {
  const later = pacer(stage.clock);
  for (const demo of demoCases) {
    const actor = stage.people[demo.who];
    const id = await fill(stage, actor, demo);
    if (!demo.submit) continue;
    later();
    await submit(stage, actor, id);
    for (const step of demo.steps) {
      later();
      if (step.action !== 'resubmit') {
        await decide(stage, actor, id, step);
        continue;
      }
      const { applications } = stage.services;
      const app = await applications.view(actor, id);
      for (const [table, data] of Object.entries(demoCorrection(app.form)) as [FormTableKey, unknown][]) {
        await applications.saveTable(actor, id, table, (await applications.view(actor, id)).version, data);
      }
      await submit(stage, actor, id);
    }
  }
}
