import { yppmContract } from '#common';
import { clientOf } from './client';

const yppm = clientOf(yppmContract);

/** 导出到YPPM5.0: the checked applications as one package (a ZIP by default). */
export const yppmApi = {
  export: (ids: string[]) => yppm.export({ body: { ids } }),
};
