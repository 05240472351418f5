import type { UnitRegisterBody, UnitSummary } from '#common';
import { http } from './http';

export const unitsApi = {
  register: (body: UnitRegisterBody) => http.post<{ unitId: string }>('/units/register', body),
  me: () => http.get<UnitSummary>('/units/me'),
};
