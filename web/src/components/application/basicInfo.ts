import type { FormData } from '#common';

/** 表二 基本情况, field by field: how each is typed, and what 提交 needs (marked with *). */
export type BasicInfo = FormData['table2'];

export interface BasicInfoField {
  key: keyof BasicInfo;
  label: string;
  kind: 'text' | 'date' | 'choice';
  required?: boolean;
  maxlength?: number;
  options?: string[];
}

export const basicInfoFields: BasicInfoField[] = [
  { key: 'ethnicity', label: '民族', kind: 'text', required: true, maxlength: 20 },
  {
    key: 'politicalStatus',
    label: '政治面貌',
    kind: 'choice',
    required: true,
    options: ['中共党员', '中共预备党员', '共青团员', '民主党派成员', '无党派人士', '群众'],
  },
  { key: 'workStartDate', label: '参加工作时间', kind: 'date', required: true },
  {
    key: 'highestEducation',
    label: '最高学历',
    kind: 'choice',
    required: true,
    options: ['博士研究生', '硕士研究生', '大学本科', '大学专科', '中等专科', '高中'],
  },
  { key: 'degree', label: '学位', kind: 'choice', options: ['博士', '硕士', '学士', '无'] },
  { key: 'graduatedFrom', label: '毕业院校', kind: 'text', required: true, maxlength: 100 },
  { key: 'graduatedMajor', label: '所学专业', kind: 'text', required: true, maxlength: 100 },
  { key: 'graduatedAt', label: '毕业时间', kind: 'date', required: true },
  { key: 'currentTitle', label: '现职称', kind: 'text', maxlength: 50 },
  { key: 'currentTitleDate', label: '现职称取得时间', kind: 'date' },
  { key: 'currentPost', label: '现聘职务', kind: 'text', maxlength: 50 },
  { key: 'currentPostDate', label: '聘任时间', kind: 'date' },
  { key: 'qualification', label: '职业资格', kind: 'text', maxlength: 100 },
];
