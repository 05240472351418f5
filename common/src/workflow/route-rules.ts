import type { OrgKind, ReviewStage, UnitLevel } from '../enums';

export const applicationKinds = ['evaluation', 'assessment'] as const;
export type ApplicationKind = (typeof applicationKinds)[number];
export const applicationKindLabels: Record<ApplicationKind, string> = {
  evaluation: '申报评审',
  assessment: '考核定职',
};

/** Who holds an application at each stage: the unit itself, or a reviewer organisation. */
export const stageHolders: Record<ReviewStage, 'unit' | OrgKind> = {
  unitReview: 'unit',
  supervisorReview: 'supervisor',
  countyBureauReview: 'hrBureau',
  cityBureauReview: 'hrBureau',
  provinceBureauReview: 'hrBureau',
  committeeCheck: 'committee',
  officeReview: 'committee',
  groupReview: 'committee',
  meeting: 'committee',
  publicNotice: 'committee',
  confirmation: 'hrBureau',
};

/**
 * Who decides at a stage: the desk's own 通过/不通过/返回修改/重置流程, or the committee's work — the
 * meeting's vote, the end of the 公示 (or an upheld objection), the bureau's 确认 with its 文号.
 */
export type StageDecider = 'desk' | 'meeting' | 'publicNotice' | 'confirmation';
export const stageDeciders: Record<ReviewStage, StageDecider> = {
  unitReview: 'desk',
  supervisorReview: 'desk',
  countyBureauReview: 'desk',
  cityBureauReview: 'desk',
  provinceBureauReview: 'desk',
  committeeCheck: 'desk',
  officeReview: 'desk',
  groupReview: 'desk',
  meeting: 'meeting',
  publicNotice: 'publicNotice',
  confirmation: 'confirmation',
};

/** The committee's own stages after its electronic check ([推断] FORM.md §3 云南). */
export const committeeStages = ['officeReview', 'groupReview', 'meeting', 'publicNotice', 'confirmation'] as const;

/** The committee's own stages by its settings: the meeting, 公示 and 确认 always; the two checks if kept. */
export function committeeStagesOf(settings: { officeReview: boolean; groupReview: boolean }): ReviewStage[] {
  return committeeStages.filter(
    (stage) => (stage !== 'officeReview' || settings.officeReview) && (stage !== 'groupReview' || settings.groupReview),
  );
}

export interface RouteRule {
  kind: ApplicationKind;
  unitLevel: UnitLevel;
  /** In order; supervisorReview is skipped for a unit without a supervising department. */
  stages: readonly ReviewStage[];
  /** Where the rule comes from: the manual, FORM.md, or [推断] (a default to confirm with the province). */
  source: string;
}

/**
 * The review routes as data (FORM.md §3): a new province or series is a new table, not new code.
 * 申报评审 goes on after 评委会电子材料审核 through the committee's own stages to 人社部门确认.
 */
export const yunnanArchivesRoutes: readonly RouteRule[] = [
  {
    kind: 'evaluation',
    unitLevel: 'county',
    stages: [
      'unitReview',
      'supervisorReview',
      'countyBureauReview',
      'cityBureauReview',
      'committeeCheck',
      ...committeeStages,
    ],
    source: '[推断] FORM.md §3 云南',
  },
  {
    kind: 'evaluation',
    unitLevel: 'city',
    stages: ['unitReview', 'supervisorReview', 'cityBureauReview', 'committeeCheck', ...committeeStages],
    source: '[推断] FORM.md §3 云南',
  },
  {
    kind: 'evaluation',
    unitLevel: 'province',
    stages: ['unitReview', 'supervisorReview', 'provinceBureauReview', 'committeeCheck', ...committeeStages],
    source: '[推断] FORM.md §3 省直单位',
  },
  {
    kind: 'assessment',
    unitLevel: 'county',
    stages: ['unitReview', 'supervisorReview', 'countyBureauReview'],
    source: '[推断] 考核定职由属地人社局确认',
  },
  {
    kind: 'assessment',
    unitLevel: 'city',
    stages: ['unitReview', 'supervisorReview', 'cityBureauReview'],
    source: '[推断] 考核定职由属地人社局确认',
  },
  {
    kind: 'assessment',
    unitLevel: 'province',
    stages: ['unitReview', 'supervisorReview', 'provinceBureauReview'],
    source: '[推断] 考核定职由省人社厅确认',
  },
];

/** The stages an application passes, in order, from the rule table. */
export function routeStages(
  rules: readonly RouteRule[],
  kind: ApplicationKind,
  unitLevel: UnitLevel,
  hasSupervisor: boolean,
  /**
   * The committee's own stages it holds: all by default; none when it reviews outside the system (no
   * 评审结果确认部门), and then the route ends at its electronic check.
   */
  committeeOwn: readonly ReviewStage[] = committeeStages,
): ReviewStage[] {
  const rule = rules.find((r) => r.kind === kind && r.unitLevel === unitLevel);
  if (!rule) return [];
  const own: readonly ReviewStage[] = committeeStages;
  return rule.stages.filter(
    (stage) =>
      (stage !== 'supervisorReview' || hasSupervisor) && (!own.includes(stage) || committeeOwn.includes(stage)),
  );
}
