import { z } from 'zod';

/**
 * The 申报评审表 as structured data. Drafts are saved with these lenient schemas (a half-filled row
 * is kept); what a submission needs is checked by `checkApplication`.
 */
const text = (max: number) => z.string().trim().max(max, `不超过${max}个字`).default('');
const yearMonth = z.union([z.literal(''), z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '时间格式为 年-月')]).default('');
const date = z.union([z.literal(''), z.iso.date({ error: '日期格式为 年-月-日' })]).default('');
const rows = <T extends z.ZodRawShape>(shape: T, max = 50) =>
  z.array(z.object(shape)).max(max, `最多${max}行`).default([]);

export const formTables = {
  table1: rows({
    start: yearMonth,
    end: z.union([yearMonth, z.literal('至今')]).default(''),
    organisation: text(100),
    role: text(100),
    witness: text(30),
  }),
  table2: z
    .object({
      ethnicity: text(20),
      politicalStatus: text(20),
      workStartDate: date,
      highestEducation: text(20),
      degree: text(20),
      graduatedFrom: text(100),
      graduatedMajor: text(100),
      graduatedAt: date,
      currentTitle: text(50),
      currentTitleDate: date,
      currentPost: text(50),
      currentPostDate: date,
      qualification: text(100),
    })
    .prefault({}),
  table3: z.object({ summary: text(10_000) }).prefault({}),
  table4: rows({
    start: yearMonth,
    end: yearMonth,
    name: text(100),
    content: text(500),
    role: text(50),
    outcome: text(500),
  }),
  table5: rows({
    name: text(100),
    source: text(100),
    start: yearMonth,
    end: yearMonth,
    role: text(50),
    funding: text(30),
    conclusion: text(200),
  }),
  table6: rows({
    name: text(100),
    type: z.enum(['', '发明', '实用新型', '外观设计']).default(''),
    number: text(50),
    grantedAt: date,
    rank: text(20),
  }),
  table7: rows({ name: text(100), grade: text(50), grantor: text(100), awardedAt: yearMonth, rank: text(20) }),
  table8: rows({
    title: text(200),
    publication: text(100),
    serial: text(50),
    publishedAt: yearMonth,
    rank: text(20),
    wordCount: text(10),
  }),
  table9: rows({ start: yearMonth, end: yearMonth, content: text(200), organiser: text(100), hours: text(10) }),
  table10: z.object({ agreed: z.boolean().default(false), signedName: text(30), signedAt: date }).prefault({}),
  table11: rows(
    {
      year: z.union([z.literal(''), z.string().regex(/^\d{4}$/, '年度为4位数字')]).default(''),
      result: z.enum(['', '优秀', '合格', '基本合格', '不合格']).default(''),
      organisation: text(100),
    },
    10,
  ),
} as const;

export type FormTableKey = keyof typeof formTables;
export const formTableKeys = Object.keys(formTables) as FormTableKey[];
export type FormData = { [K in FormTableKey]: z.output<(typeof formTables)[K]> };

export const formTableLabels: Record<FormTableKey, string> = {
  table1: '表一：主要学习和工作经历',
  table2: '表二：基本情况',
  table3: '表三：专业技术工作总结',
  table4: '表四：完成主要专业技术工作情况',
  table5: '表五：承担课题（项目）情况',
  table6: '表六：获得专利情况',
  table7: '表七：获得表彰奖励情况',
  table8: '表八：撰写著作和论文情况',
  table9: '表九：参加继续教育和国际学术活动情况',
  table10: '表十：个人承诺书',
  table11: '表十一：年度考核情况（近五年）',
};

export const formDataSchema = z.object(formTables);

/** An empty form, every table at its default. */
export function emptyForm(): FormData {
  return formDataSchema.parse({});
}
