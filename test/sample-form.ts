/**
 * Every table of the form filled as a careful applicant would, for an application in `year`: the one
 * sample the API suites and the browser journeys both submit (it imports nothing, so both can).
 */
export function completeForm(year: number, name: string, options: { organisation?: string; signedAt?: string } = {}) {
  const organisation = options.organisation ?? '某市档案馆';
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
      degree: '管理学学士',
      graduatedFrom: '云南大学',
      graduatedMajor: '档案学',
      graduatedAt: '2012-07-01',
      currentTitle: '助理馆员',
      currentTitleDate: '2015-12-01',
      currentPost: '助理馆员',
      currentPostDate: '2016-01-01',
      qualification: '',
    },
    table3: { summary: '任现职以来，本人从事档案收集、整理、鉴定与利用工作。'.repeat(90) },
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
    table5: [],
    table6: [],
    table7: [],
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
    table10: { agreed: true, signedName: name, signedAt: options.signedAt ?? `${year}-05-26` },
    table11: Array.from({ length: 5 }, (_, i) => ({
      year: String(year - 1 - i),
      result: '合格',
      organisation,
    })),
  };
}

export const requiredCategories = [
  'hrIdCard',
  'hrEducation',
  'hrCurrentTitle',
  'hrWorkHistory',
  'hrAnnualReview',
  'hrContinuingEducation',
  'paper',
] as const;
