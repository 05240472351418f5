import type { TitleLevel } from '../enums';
import { attachmentCategories, attachmentCategoryInfo, type AttachmentCategory } from './attachment-categories';
import type { FormConfig } from './form-config';
import { checkFormTables } from './form-check';
import { formDeclaration, formTableLabels, type FormData, type FormTableKey } from './form.schema';

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
  /** Today in Beijing (YYYY-MM-DD): dates of the past may not lie after it. */
  today: string;
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

  for (const issue of checkFormTables(formDeclaration, form, {
    today: input.today,
    year: input.year,
    recentYears: config.annualReviewYears,
  }))
    add(issue.table as FormTableKey, issue.tableLabel, issue.message);

  const summaryLength = [...form.table3.summary.trim()].length;
  const minChars = input.titleLevel ? config.summaryMinChars[input.titleLevel] : 0;
  if (summaryLength === 0) add('table3', formTableLabels.table3, '请填写专业技术工作总结');
  else if (summaryLength < minChars)
    add('table3', formTableLabels.table3, `专业技术工作总结不少于${minChars}字，当前${summaryLength}字`);

  for (const category of attachmentCategories) {
    const info = attachmentCategoryInfo[category];
    if (info.required(form) && !(input.attachmentCounts[category] ?? 0)) {
      add(`attachment:${category}`, `附件：${info.group} - ${info.label}`, `请上传${info.label}`);
    }
  }
  return issues;
}
