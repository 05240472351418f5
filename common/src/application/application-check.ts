import type { TitleLevel } from '../enums';
import { attachmentCategories, attachmentCategoryInfo, type AttachmentCategory } from './attachment-categories';
import type { FormConfig } from './form-config';
import { formTableLabels, type FormData, type FormTableKey } from './form.schema';

export interface CheckIssue {
  /** A table of the form, an attachment category, or the application's choices. */
  section: FormTableKey | `attachment:${AttachmentCategory}` | 'application';
  sectionLabel: string;
  message: string;
}

export interface CheckInput {
  kind: 'evaluation' | 'assessment';
  titleLevel: TitleLevel | null;
  hasCommittee: boolean;
  hasSpecialties: boolean;
  form: FormData;
  attachmentCounts: Partial<Record<AttachmentCategory, number>>;
  /** The calendar year of the batch (or of the application), for 表十一's 近五年. */
  year: number;
}

const blank = (v: string) => v.trim() === '';

function rowIssues<T extends Record<string, unknown>>(
  table: FormTableKey,
  rows: T[],
  required: Record<string, string>,
): CheckIssue[] {
  const issues: CheckIssue[] = [];
  rows.forEach((row, i) => {
    const missing = Object.entries(required)
      .filter(([key]) => typeof row[key] !== 'string' || blank(row[key] as string))
      .map(([, label]) => label);
    if (missing.length)
      issues.push({
        section: table,
        sectionLabel: formTableLabels[table],
        message: `第${i + 1}行未填写：${missing.join('、')}`,
      });
  });
  return issues;
}

/**
 * Every missing or invalid item of an application, by table and attachment category: what the
 * 提交 button waits for. Pure, so the page shows the same list the server enforces.
 */
export function checkApplication(input: CheckInput, config: FormConfig): CheckIssue[] {
  const { form } = input;
  const issues: CheckIssue[] = [];
  const add = (section: CheckIssue['section'], sectionLabel: string, message: string) =>
    issues.push({ section, sectionLabel, message });

  if (!input.titleLevel) add('application', '申报信息', '请选择申报职称');
  if (input.kind === 'evaluation' && !input.hasCommittee) add('application', '申报信息', '请选择评委会');
  if (input.kind === 'evaluation' && !input.hasSpecialties) add('application', '申报信息', '请选择所学专业和从事专业');

  if (form.table1.length === 0) add('table1', formTableLabels.table1, '请至少填写一条学习或工作经历');
  issues.push(
    ...rowIssues('table1', form.table1, {
      start: '起始时间',
      end: '结束时间',
      organisation: '学校或工作单位',
      role: '专业或职务',
    }),
  );

  const basic: [keyof FormData['table2'], string][] = [
    ['ethnicity', '民族'],
    ['politicalStatus', '政治面貌'],
    ['workStartDate', '参加工作时间'],
    ['highestEducation', '最高学历'],
    ['graduatedFrom', '毕业院校'],
    ['graduatedMajor', '所学专业'],
    ['graduatedAt', '毕业时间'],
  ];
  const missingBasic = basic.filter(([key]) => blank(String(form.table2[key]))).map(([, label]) => label);
  if (missingBasic.length) add('table2', formTableLabels.table2, `未填写：${missingBasic.join('、')}`);
  if (!blank(form.table2.currentTitle) && blank(form.table2.currentTitleDate))
    add('table2', formTableLabels.table2, '填写了现职称，请填写取得时间');

  const summaryLength = [...form.table3.summary.trim()].length;
  const minChars = input.titleLevel ? config.summaryMinChars[input.titleLevel] : 0;
  if (summaryLength === 0) add('table3', formTableLabels.table3, '请填写专业技术工作总结');
  else if (summaryLength < minChars)
    add('table3', formTableLabels.table3, `专业技术工作总结不少于${minChars}字，当前${summaryLength}字`);

  issues.push(
    ...rowIssues('table4', form.table4, {
      start: '起始时间',
      name: '项目/工作名称',
      content: '工作内容',
      role: '本人角色',
    }),
  );
  issues.push(
    ...rowIssues('table5', form.table5, {
      name: '课题名称',
      source: '来源/级别',
      start: '起始时间',
      role: '本人排名/角色',
    }),
  );
  issues.push(
    ...rowIssues('table6', form.table6, { name: '专利名称', type: '类型', number: '专利号', grantedAt: '授权时间' }),
  );
  issues.push(
    ...rowIssues('table7', form.table7, { name: '奖项名称', grade: '等级', grantor: '授奖部门', awardedAt: '时间' }),
  );
  issues.push(
    ...rowIssues('table8', form.table8, {
      title: '题目',
      publication: '刊物/出版社',
      publishedAt: '发表时间',
      rank: '本人排名',
    }),
  );
  issues.push(
    ...rowIssues('table9', form.table9, {
      start: '起始时间',
      content: '内容/项目',
      organiser: '主办单位',
      hours: '学时',
    }),
  );

  if (!form.table10.agreed) add('table10', formTableLabels.table10, '请阅读并同意个人承诺书');
  if (blank(form.table10.signedName)) add('table10', formTableLabels.table10, '请在承诺书上签名（填写姓名）');

  const years = new Set(form.table11.map((r) => r.year));
  const wanted = Array.from({ length: config.annualReviewYears }, (_, i) => String(input.year - 1 - i));
  const missingYears = wanted.filter((y) => !years.has(y));
  if (missingYears.length)
    add('table11', formTableLabels.table11, `请填写 ${missingYears.reverse().join('、')} 年度的考核结果`);
  issues.push(...rowIssues('table11', form.table11, { year: '年度', result: '考核结果', organisation: '考核单位' }));

  for (const category of attachmentCategories) {
    const info = attachmentCategoryInfo[category];
    if (info.required(form) && !(input.attachmentCounts[category] ?? 0)) {
      add(`attachment:${category}`, `附件：${info.group} - ${info.label}`, `请上传${info.label}`);
    }
  }
  return issues;
}
