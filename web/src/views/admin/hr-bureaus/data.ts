import { hrBureauBodySchema, hrBureauLevelLabels, type HrBureau } from '#common';
import type { ListColumn } from '../../../components/list/columns';
import { schemaRules } from '../../../utils/form';

/** 人社局: the list's columns and the 新增 / 修改 form. */
export const columns: ListColumn<HrBureau>[] = [
  { key: 'name', label: '人社局名称', minWidth: 220, card: 'title' },
  { key: 'level', label: '级别', width: 130, text: (r) => hrBureauLevelLabels[r.level] },
  { key: 'regionName', label: '行政区域', minWidth: 200 },
  { key: 'disabled', label: '状态', width: 90, align: 'center' },
];

export interface HrBureauForm {
  name: string;
  regionCode: string;
}

export const blankForm = (): HrBureauForm => ({ name: '', regionCode: '' });
export const formOf = (row: HrBureau): HrBureauForm => ({ name: row.name, regionCode: row.regionCode });
export const bodyOf = (form: HrBureauForm) => ({ name: form.name.trim(), regionCode: form.regionCode });
export const rulesOf = (form: HrBureauForm) =>
  schemaRules(hrBureauBodySchema, form, {
    name: { required: '请输入人社局名称' },
    regionCode: { required: '请选择行政区域', trigger: 'change' },
  });

/** The level follows the region chosen: 省 → 省人社厅, 州市 → 州市人社局, 区县 → 县区人社局. */
export function levelOfPath(path: string[]): string {
  const levels = [hrBureauLevelLabels.province, hrBureauLevelLabels.city, hrBureauLevelLabels.county];
  return levels[path.length - 1] ?? '';
}
