import { describe, expect, it } from 'vitest';
import { checkApplication, type CheckInput } from './application-check';
import { defaultFormConfig } from './form-config';
import { emptyForm, formDataSchema, formTables } from './form.schema';
import { sampleForm } from './forms/archives.sample';
import type { FormData } from './form.schema';

const input = (form: FormData, today = '2026-06-01'): CheckInput => ({
  kind: 'evaluation',
  titleLevel: 'intermediate',
  hasCommittee: true,
  hasSpecialties: true,
  form,
  attachmentCounts: {
    hrIdCard: 1,
    hrEducation: 1,
    hrCurrentTitle: 1,
    hrWorkHistory: 1,
    hrAnnualReview: 1,
    hrContinuingEducation: 1,
    paper: 1,
    project: 1,
    patent: 1,
    award: 1,
  },
  year: 2026,
  today,
});
const messages = (form: FormData, today?: string) =>
  checkApplication(input(form, today), defaultFormConfig).map((i) => `${i.section} ${i.message}`);

describe('the 申报评审表 declared once', () => {
  it('keeps the sample form through its schema and finds nothing missing in it', () => {
    const form = sampleForm(2026, '张喆', { everyTable: true });
    expect(formDataSchema.parse(form)).toEqual(form);
    expect(messages(form)).toEqual([]);
  });

  it('refuses a month that does not exist instead of rolling it over', () => {
    const refused = formTables.table1.safeParse([{ start: '2014-13', end: '至今' }]);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('月份应为01至12');
    expect(formTables.table2.safeParse({ graduatedAt: '2014-02-30' }).success).toBe(false);
    expect(formTables.table1.safeParse([{ start: '2014-12', end: '至今' }]).success).toBe(true);
  });

  it('refuses an end before its start', () => {
    const form = sampleForm(2026, '张喆');
    form.table1[0] = { ...form.table1[0]!, start: '2014-09', end: '2010-07' };
    expect(messages(form)).toContain('table1 第1行结束时间早于起始时间');
  });

  it('refuses a date of the past that lies in the future', () => {
    const form = sampleForm(2026, '张喆', { everyTable: true });
    form.table6[0] = { ...form.table6[0]!, grantedAt: '2026-06-02' };
    form.table2.graduatedAt = '2027-07-01';
    expect(messages(form, '2026-06-01')).toEqual(
      expect.arrayContaining(['table6 第1行授权时间不能晚于今天', 'table2 毕业时间不能晚于今天']),
    );
    expect(messages(form, '2027-07-01')).toEqual([]);
  });

  it('holds 表十一 to the last five years, each once', () => {
    const form = sampleForm(2026, '张喆');
    form.table11[0] = { ...form.table11[0]!, year: '2019' };
    form.table11.push({ ...form.table11[1]! });
    expect(messages(form)).toEqual([
      'table11 请填写 2021 年度的考核结果',
      'table11 2019 年度不在近五年（2021–2025）内，请删除或改正',
      'table11 2022 年度填写了多次',
    ]);
  });

  it('asks for what goes with a filled field, and for every required column of a row', () => {
    const form = sampleForm(2026, '张喆');
    form.table2.currentTitleDate = '';
    form.table4.push({ start: '', end: '', name: '编研', content: '', role: '', outcome: '' });
    expect(messages(form)).toEqual([
      'table2 填写了现职称，请填写现职称取得时间',
      'table4 第2行未填写：起始时间、工作内容、本人角色',
    ]);
    expect(messages(emptyForm())).toEqual(
      expect.arrayContaining(['table1 请至少填写一条学习或工作经历', 'table10 请阅读并同意个人承诺书']),
    );
  });
});
