import type { FormRules } from 'element-plus';
import { z } from 'zod';
import { expertBodySchema, expertCreateSchema, expertStatusLabels, type ExpertBody, type ExpertCreate } from '#common';
import type { Expert } from '../../../api/committee-work';
import type { ListColumn } from '../../../components/list/columns';
import { schemaRules } from '../../../utils/form';

/** 专家库: the list's columns and the 新增 / 修改 form. */
export const columns: ListColumn<Expert>[] = [
  { key: 'name', label: '姓名', width: 100, card: 'title' },
  { key: 'loginName', label: '登录账号', width: 130 },
  { key: 'phone', label: '手机号', width: 120 },
  { key: 'unitName', label: '工作单位', minWidth: 200, tooltip: true },
  { key: 'titleName', label: '职称', width: 120 },
  { key: 'specialties', label: '专业', minWidth: 160, tooltip: true, text: (e) => e.specialties.join('、') },
  { key: 'term', label: '聘期', width: 200, text: (e) => `${e.termStartsOn} 至 ${e.termEndsOn}` },
  { key: 'status', label: '状态', width: 80, align: 'center', text: (e) => expertStatusLabels[e.status] },
];

export interface ExpertForm {
  loginName: string;
  name: string;
  phone: string;
  unitName: string;
  unitId: string | null;
  supervisorId: string | null;
  titleName: string;
  specialties: string[];
  termStartsOn: string;
  termEndsOn: string;
  conflictUnitIds: string[];
}

export const blankExpert = (): ExpertForm => ({
  loginName: '',
  name: '',
  phone: '',
  unitName: '',
  unitId: null,
  supervisorId: null,
  titleName: '',
  specialties: [],
  termStartsOn: '',
  termEndsOn: '',
  conflictUnitIds: [],
});

/** 修改 starts from the row; the list masks the phone, so its field starts blank (blank: unchanged). */
export const expertFormOf = (row: Expert): ExpertForm => ({
  loginName: row.loginName,
  name: row.name,
  phone: '',
  unitName: row.unitName,
  unitId: row.unit?.id ?? null,
  supervisorId: row.supervisor?.id ?? null,
  titleName: row.titleName,
  specialties: [...row.specialties],
  termStartsOn: row.termStartsOn,
  termEndsOn: row.termEndsOn,
  conflictUnitIds: row.conflictUnits.map((u) => u.id),
});

/** What is sent; null when the shared schema refuses it (the form's rules have said why). */
export function createBodyOf(form: ExpertForm): ExpertCreate | null {
  const parsed = expertCreateSchema.safeParse(form);
  return parsed.success ? parsed.data : null;
}

/** What 修改 sends: no login name (it cannot change), and no phone when the field is left blank. */
function updateInputOf(form: ExpertForm) {
  const { loginName: _login, phone, ...body } = form;
  return phone.trim() ? { ...body, phone } : body;
}
const updateFormSchema = z.preprocess((form) => updateInputOf(form as ExpertForm), expertBodySchema);

export function updateBodyOf(form: ExpertForm): ExpertBody | null {
  const parsed = expertBodySchema.safeParse(updateInputOf(form));
  return parsed.success ? parsed.data : null;
}

/** 新增 needs a phone; 修改 shows the login name without changing it and takes a phone only to change it. */
export const expertRulesOf = (form: ExpertForm, editing: boolean): FormRules =>
  schemaRules(editing ? updateFormSchema : expertCreateSchema, form, {
    loginName: { required: '请输入登录账号' },
    name: { required: '请输入专家姓名' },
    phone: editing ? {} : { required: '请输入手机号' },
    unitName: { required: '请输入工作单位' },
    titleName: { required: '请输入职称' },
    specialties: { trigger: 'change' },
    termStartsOn: { required: '请选择聘期开始日期', trigger: 'change' },
    termEndsOn: { required: '请选择聘期结束日期', trigger: 'change' },
  });
