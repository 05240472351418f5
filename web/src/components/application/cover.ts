import type { Application } from '#common';

/** The 封面 of the 申报评审表, line by line, as the applicant's page and the reviewer's sheet show it. */
export const coverRows = (cover: Application['cover']): [string, string][] => [
  ['姓名', cover.name],
  ['工作单位', cover.unitName],
  ['主管部门', cover.supervisorName],
  ['职称系列', cover.seriesName],
  ['申报职称', cover.titleName],
  ['专业名称', cover.specialtyName],
  ['填表时间', cover.filledAt],
];
