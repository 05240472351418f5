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
