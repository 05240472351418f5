export const accountKinds = ['applicant', 'unit', 'reviewer', 'admin', 'expert'] as const;
export type AccountKind = (typeof accountKinds)[number];

export const accountKindLabels: Record<AccountKind, string> = {
  applicant: '个人用户',
  unit: '单位用户',
  reviewer: '审核用户',
  admin: '平台管理员',
  expert: '评审专家',
};

/** Why an SMS code is sent; a code is only good for the purpose it was sent for. */
export const smsPurposes = ['unitRegister', 'applicantRegister', 'resetPassword', 'changePhone'] as const;
export type SmsPurpose = (typeof smsPurposes)[number];

/** 单位性质 (GLOSSARY.md). */
export const unitNatures = ['government', 'institution', 'stateOwned', 'nonPublic', 'socialOrg'] as const;
export type UnitNature = (typeof unitNatures)[number];
export const unitNatureLabels: Record<UnitNature, string> = {
  government: '机关',
  institution: '事业单位',
  stateOwned: '国有企业',
  nonPublic: '非公经济组织',
  socialOrg: '社会组织',
};

/** 单位等级; a 非公经济组织 is always 县区级 (manual §2.2, §7.11). */
export const unitLevels = ['province', 'city', 'county'] as const;
export type UnitLevel = (typeof unitLevels)[number];
export const unitLevelLabels: Record<UnitLevel, string> = { province: '省级', city: '州市级', county: '县区级' };

/** 行政区域 levels of GB/T 2260; HR bureaus sit at each of them. */
export const regionLevels = ['province', 'city', 'county'] as const;
export type RegionLevel = (typeof regionLevels)[number];
export const hrBureauLevelLabels: Record<RegionLevel, string> = {
  province: '省人社厅',
  city: '州市人社局',
  county: '县区人社局',
};

/** 职称等级 (GLOSSARY.md). */
export const titleLevels = ['junior', 'intermediate', 'associateSenior', 'senior'] as const;
export type TitleLevel = (typeof titleLevels)[number];
export const titleLevelLabels: Record<TitleLevel, string> = {
  junior: '初级',
  intermediate: '中级',
  associateSenior: '副高级',
  senior: '正高级',
};

/** The kinds of reviewer organisation a 审核用户 account belongs to. */
export const orgKinds = ['supervisor', 'hrBureau', 'committee'] as const;
export type OrgKind = (typeof orgKinds)[number];
export const orgKindLabels: Record<OrgKind, string> = {
  supervisor: '主管部门',
  hrBureau: '人社局',
  committee: '评委会',
};

/** A unit's request to a supervising department (选择或变更主管单位). */
export const supervisorRequestStatuses = ['pending', 'approved', 'rejected'] as const;
export type SupervisorRequestStatus = (typeof supervisorRequestStatuses)[number];
export const supervisorRequestStatusLabels: Record<SupervisorRequestStatus, string> = {
  pending: '待审核',
  approved: '审核通过',
  rejected: '审核不通过',
};

/**
 * The review stages an application can be at (the workflow itself comes with the review issue). A
 * committee names one of them as the stage from which its form may be printed (manual §4.2, §7.12).
 */
export const reviewStages = [
  'unitReview',
  'supervisorReview',
  'countyBureauReview',
  'cityBureauReview',
  'provinceBureauReview',
  'committeeCheck',
  'officeReview',
  'groupReview',
  'meeting',
  'publicNotice',
  'confirmation',
] as const;
export type ReviewStage = (typeof reviewStages)[number];
export const reviewStageLabels: Record<ReviewStage, string> = {
  unitReview: '单位审核',
  supervisorReview: '主管部门审核',
  countyBureauReview: '县区人社局审核',
  cityBureauReview: '州市人社局审核',
  provinceBureauReview: '省人社厅审核',
  committeeCheck: '评委会电子材料审核',
  officeReview: '评委会办公室审核',
  groupReview: '专业组初审',
  meeting: '评审会议',
  publicNotice: '评审结果公示',
  confirmation: '人社部门确认',
};
