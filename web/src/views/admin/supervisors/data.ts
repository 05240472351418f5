import { supervisorBodySchema, type Supervisor } from '#common';
import type { ListColumn } from '../../../components/list/columns';
import { schemaRules } from '../../../utils/form';

/** 主管部门: the list's columns and the 新增 / 修改 form. */
export const columns: ListColumn<Supervisor>[] = [
  { key: 'name', label: '主管部门名称', minWidth: 260, card: 'title' },
  { key: 'regionName', label: '所在区域', minWidth: 200, text: (r) => r.regionName ?? '—' },
  { key: 'disabled', label: '状态', width: 90, align: 'center' },
];

export interface SupervisorForm {
  name: string;
  /** The cascader's last level; blank for none (所在区域 may be left out). */
  regionCode: string;
}

export const blankForm = (): SupervisorForm => ({ name: '', regionCode: '' });
export const formOf = (row: Supervisor): SupervisorForm => ({ name: row.name, regionCode: row.regionCode ?? '' });
export const bodyOf = (form: SupervisorForm) => ({ name: form.name.trim(), regionCode: form.regionCode || null });
export const rulesOf = (form: SupervisorForm) =>
  schemaRules(supervisorBodySchema, form, { name: { required: '请输入主管部门名称' } });
