import type { Agent, TestContext } from './test-app';
import {
  adminCreates,
  archivesChoices,
  createDraft,
  fillApplication,
  loggedInApplicant,
  loggedInReviewer,
  reviewWorld,
  unitWithInfo,
} from './fixtures';
import type { SampleOptions } from '#common';

/**
 * A city-level route (unit → 昆明市人社局 → committee) with its desks signed in, and the steps its
 * applications take: what the suites of the document, the print and the exports start from.
 */
export async function cityRoute(ctx: TestContext, admin: Agent) {
  const cityId = await adminCreates(admin, '/api/admin/hr-bureaus', { name: '昆明市人社局', regionCode: '530100' });
  const otherCityId = await adminCreates(admin, '/api/admin/hr-bureaus', {
    name: '曲靖市人社局',
    regionCode: '530300',
  });
  const world = await reviewWorld(ctx, admin);
  const choices = await archivesChoices(ctx);
  const desks = {
    city: (await loggedInReviewer(ctx, admin, 'hrBureau', cityId)).agent,
    otherCity: (await loggedInReviewer(ctx, admin, 'hrBureau', otherCityId)).agent,
    committee: (await loggedInReviewer(ctx, admin, 'committee', world.committeeId)).agent,
  };

  /** A city-level unit of 530102, ready for its people to submit. */
  const cityUnit = () => unitWithInfo(ctx, { level: 'city', regionCode: '530102' });

  /** A person of `unitId` fills every table and submits: the application is at the unit's desk. */
  async function submitted(
    unitId: number,
    name: string,
    options: SampleOptions = {},
    beforeSubmit?: (applicant: Agent, id: string) => Promise<void>,
  ) {
    const { agent } = await loggedInApplicant(ctx, unitId, { name });
    const id = await createDraft(agent, world, choices);
    await fillApplication(agent, id, world.year, name, options);
    await beforeSubmit?.(agent, id);
    const version = (await agent.get(`/api/applications/${id}`)).body.version as number;
    const res = await agent.post(`/api/applications/${id}/submit`, { version });
    if (res.status !== 200) throw new Error(JSON.stringify(res.body));
    return { applicant: agent, id };
  }

  return { world, desks, cityUnit, submitted };
}

/** 通过 at `desk`, with its opinion. */
export async function approve(desk: Agent, id: string, opinion = '同意') {
  const version = (await desk.get(`/api/applications/${id}`)).body.version as number;
  return desk.post('/api/review/decisions', { items: [{ id, version }], action: 'approve', opinion });
}

/** The unit writes 表十二 (基层意见). */
export async function writeUnitOpinion(unit: Agent, id: string, unitOpinion: string) {
  const current = (await unit.get(`/api/review/applications/${id}/unit-opinion`)).body;
  const res = await unit.request({
    method: 'PUT',
    url: `/api/review/applications/${id}/unit-opinion`,
    payload: { version: current.version, unitOpinion },
  });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
}
