import type { TitleLevel } from '../enums';

/**
 * The rules of the form that are not sourced facts (FORM.md marks them [推断]) live here as one
 * configuration, so that a province or series changes them without touching code.
 */
export interface FormConfig {
  /** 表三: the least number of characters of the work summary, by the level applied for. */
  summaryMinChars: Record<TitleLevel, number>;
  summaryMaxChars: number;
  /** 表十一: the years of annual assessment asked for (近五年). */
  annualReviewYears: number;
  /** 表十二: the unit's opinion, at most this many characters (manual §4.1). */
  unitOpinionMaxChars: number;
}

export const defaultFormConfig: FormConfig = {
  summaryMinChars: { junior: 500, intermediate: 2000, associateSenior: 3000, senior: 3000 },
  summaryMaxChars: 10_000,
  annualReviewYears: 5,
  unitOpinionMaxChars: 1000,
};

/** 个人承诺书 (FORM.md §2, [推断] after 云人社发〔2020〕57号). */
export const commitmentText =
  '本人郑重承诺：所填报的信息和提交的申报材料全部真实、准确、完整，没有剽窃、抄袭或其他弄虚作假行为。如有不实，愿意接受撤销职称、记入职称评审诚信档案库并纳入全国信用信息共享平台（记录期限 3 年）等处理，并承担相应责任。';
