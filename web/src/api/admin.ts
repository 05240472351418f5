import type { AdminUnitRow } from '#common';
import { http } from './http';

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AdminUnitQuery {
  keyword?: string;
  locked?: 'true' | 'false';
  page: number;
  pageSize: number;
}

export const adminApi = {
  units: (query: AdminUnitQuery) => http.get<Paged<AdminUnitRow>>('/admin/units', { ...query }),
  unlock: (accountId: string) => http.post<{ ok: true }>(`/admin/accounts/${encodeURIComponent(accountId)}/unlock`),
};
