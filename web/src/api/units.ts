import { peopleContract, unitsContract, type EndpointInput, type UnitInfoBody, type UnitRegisterBody } from '#common';
import { clientOf } from './client';

export type { FileRef } from '#common';

/** The filters and page of 专业技术人员. */
export type PeopleQuery = EndpointInput<typeof peopleContract.list>['query'];

const units = clientOf(unitsContract);
const people = clientOf(peopleContract);
const person = (accountId: string) => ({ params: { accountId } });

export const unitsApi = {
  register: (body: UnitRegisterBody) => units.register({ body }),
  me: () => units.me(),
  /** 单位信息 (manual §2.2). */
  info: () => units.info(),
  saveInfo: (body: UnitInfoBody) => units.saveInfo({ body }),
  uploadLicense: (file: File) => units.uploadLicense({ file }),
  /** Whether the unit's people may submit, and why not (manual §7.6–7.8). */
  readiness: () => units.readiness(),

  /** 选择或变更主管单位 (manual §2.3). */
  supervisors: () => units.supervisors(),
  addSupervisor: (supervisorId: string) => units.addSupervisor({ body: { supervisorId } }),
  setDefaultSupervisor: (id: string) => units.setDefaultSupervisor({ params: { id } }),
  removeSupervisor: (id: string) => units.removeSupervisor({ params: { id } }),
  searchSupervisors: (keyword?: string) => units.searchSupervisors({ query: { keyword } }),

  /** 开评评委会: committees with a batch open now (any signed-in account). */
  openCommittees: (keyword?: string) => units.openCommittees({ query: { keyword } }),

  /** 专业技术人员 (manual §3.1). */
  people: (query: PeopleQuery) => people.list({ query }),
  messagePerson: (accountId: string, content: string) => people.message({ ...person(accountId), body: { content } }),
  resetPersonPassword: (accountId: string) => people.resetPassword(person(accountId)),
  removePerson: (accountId: string) => people.remove(person(accountId)),
  unlockPerson: (accountId: string) => people.unlock(person(accountId)),
};
