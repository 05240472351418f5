import { formTableKeys, type CheckIssue, type FormTableKey } from '#common';
import { tableShortLabel } from '../../../components/application/columns';

/** The parts of the 申报评审表 page, one at a time from its navigation (`?section=`). */
export type SectionKey = 'cover' | 'choices' | FormTableKey | 'attachments' | 'check';

export const sections: { key: SectionKey; label: string }[] = [
  { key: 'cover', label: '封面' },
  { key: 'choices', label: '申报信息' },
  ...formTableKeys.map((t) => ({ key: t as SectionKey, label: tableShortLabel(t) })),
  { key: 'attachments', label: '附件管理' },
  { key: 'check', label: '提交前检查' },
];

export const isSectionKey = (key: string): key is SectionKey => sections.some((s) => s.key === key);
export const isTableSection = (key: string): key is FormTableKey => (formTableKeys as string[]).includes(key);

/** The section where a problem of the 提交前检查 is put right. */
export const sectionOfIssue = (issue: CheckIssue): SectionKey =>
  issue.section === 'application'
    ? 'choices'
    : issue.section.startsWith('attachment:')
      ? 'attachments'
      : (issue.section as SectionKey);
