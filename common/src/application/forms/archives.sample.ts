import type { FormData } from '../form.schema';

export interface SampleOptions {
  organisation?: string;
  signedAt?: string;
  /** 表三 at about this many characters (default 3,150: enough for any level). */
  summaryChars?: number;
  /** Fill 表五–七 too (a patent, an award, a project), each with its attachment then needed. */
  everyTable?: boolean;
}

const paragraph = '任现职以来，本人从事档案收集、整理、鉴定与利用工作。';

/**
 * Every table of the archives form filled as a careful applicant would, for an application in `year`:
 * the one sample of the API suites, the browser journeys, the drills and the demo data. It imports
 * only types, so the browser tests can use it too; typed as the declaration's data, so a change of the
 * declaration that the sample does not follow fails to compile.
 */
export function sampleForm(year: number, name: string, options: SampleOptions = {}): FormData {
  const organisation = options.organisation ?? '某市档案馆';
  const summaryChars = options.summaryChars ?? 3150;
  return {
    table1: [
      { start: '2008-09', end: '2012-07', organisation: '云南大学', role: '档案学专业', witness: '李老师' },
      { start: '2012-08', end: '至今', organisation, role: '档案管理', witness: '王馆长' },
    ],
    table2: {
      ethnicity: '汉族',
      politicalStatus: '中共党员',
      workStartDate: '2012-08-01',
      highestEducation: '大学本科',
      degree: '学士',
      graduatedFrom: '云南大学',
      graduatedMajor: '档案学',
      graduatedAt: '2012-07-01',
      currentTitle: '助理馆员',
      currentTitleDate: '2015-12-01',
      currentPost: '助理馆员',
      currentPostDate: '2016-01-01',
      qualification: '',
    },
    table3: { summary: paragraph.repeat(Math.ceil(summaryChars / paragraph.length)) },
    table4: [
      {
        start: '2019-01',
        end: '2020-12',
        name: '馆藏档案数字化',
        content: '组织完成十万卷档案数字化',
        role: '负责人',
        outcome: '通过验收',
      },
    ],
    table5: options.everyTable
      ? [
          {
            name: '边疆民族地区档案资源整合研究',
            source: '云南省档案局科技项目（省级）',
            start: '2021-03',
            end: '2022-12',
            role: '主持人',
            funding: '8',
            conclusion: '已结题，鉴定等级优秀',
          },
        ]
      : [],
    table6: options.everyTable
      ? [
          {
            name: '一种档案密集架防潮装置',
            type: '实用新型',
            number: 'ZL202120123456.7',
            grantedAt: '2022-06-10',
            rank: '第1',
          },
        ]
      : [],
    table7: options.everyTable
      ? [{ name: '云南省档案工作先进个人', grade: '省级', grantor: '云南省档案局', awardedAt: '2023-12', rank: '本人' }]
      : [],
    table8: [
      {
        title: '数字档案馆建设的实践与思考',
        publication: '云南档案',
        serial: 'CN53-1025/G2',
        publishedAt: '2021-05',
        rank: '独著',
        wordCount: '5000',
      },
    ],
    table9: [{ start: '2023-03', end: '2023-03', content: '档案数字化培训', organiser: '云南省档案局', hours: '40' }],
    table10: { agreed: true, signedName: name, signedAt: options.signedAt ?? `${year - 1}-12-28` },
    table11: Array.from({ length: 5 }, (_, i) => ({
      year: String(year - 5 + i),
      result: '合格' as const,
      organisation,
    })),
  };
}

/** The attachment categories `sampleForm` needs before 提交 (表八 and 表九 filled, a 现职称); with
 * `everyTable`, add `project`, `patent` and `award`. */
export const sampleRequiredCategories = [
  'hrIdCard',
  'hrEducation',
  'hrCurrentTitle',
  'hrWorkHistory',
  'hrAnnualReview',
  'hrContinuingEducation',
  'paper',
] as const;
