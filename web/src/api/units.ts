import type { UnitInfo, UnitRegisterBody, UnitSummary } from '#common';
import { http } from './http';

export const unitsApi = {
  register: (body: UnitRegisterBody) => http.post<{ unitId: string }>('/units/register', body),
  me: () => http.get<UnitSummary>('/units/me'),
  /** 单位信息 (manual §2.2): level, nature, region and address once the unit has filled them in. */
  info: () => http.get<UnitInfo>('/units/me/info'),
};
