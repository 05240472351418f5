import { referenceContract, type SpecialtyQuery } from '#common';
import { clientOf } from './client';

const reference = clientOf(referenceContract);

export const referenceApi = {
  /** 行政区域: the provinces without a parent, else the children of `parentCode`. */
  regions: (parentCode?: string) => reference.regions({ query: { parentCode } }),
  series: () => reference.series(),
  specialties: (query: SpecialtyQuery) => reference.specialties({ query }),
  createSpecialty: (parentId: string | null, name: string) => reference.addSpecialty({ body: { parentId, name } }),
};
