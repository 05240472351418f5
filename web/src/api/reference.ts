import type { Region, Series, Specialty } from '#common';
import { http } from './http';

export const referenceApi = {
  /** 行政区域: the provinces without a parent, else the children of `parentCode`. */
  regions: (parentCode?: string) => http.get<Region[]>('/regions', { parentCode }),
  series: () => http.get<Series[]>('/series'),
  specialties: (query: { keyword?: string; parentId?: string; depth?: number }) =>
    http.get<Specialty[]>('/specialties', query),
  createSpecialty: (parentId: string | null, name: string) =>
    http.post<Specialty>('/admin/specialties', { parentId, name }),
};
