import {
  committeeStagesOf,
  routeStages,
  stageHolders,
  yunnanArchivesRoutes,
  type ApplicationKind,
  type RouteStep,
} from '#common';
import type { Executor } from '../../db/database';
import type { UnitRow } from '../../db/schema';
import { AppError } from '../../domain/app-error';
import { hrBureauOfRegion } from '../organisations/organisation.repository';
import { defaultSupervisor, findCommittee } from './application-lookup.repository';

const bureauRegion = {
  countyBureauReview: (c: string) => c,
  cityBureauReview: (c: string) => `${c.slice(0, 4)}00`,
  provinceBureauReview: (c: string) => `${c.slice(0, 2)}0000`,
} as const;

/**
 * The route of an application, computed at submission from its unit (level, region, the approved
 * default supervisor) and its committee, with the organisation holding each stage.
 */
export async function computeRoute(
  db: Executor,
  input: { kind: ApplicationKind; unit: UnitRow; committeeId: number | null },
): Promise<RouteStep[]> {
  const { unit } = input;
  if (!unit.level || !unit.region_code) throw new AppError('RULE_VIOLATED', '单位信息不完整，请联系单位完善');
  const supervisor = await defaultSupervisor(db, unit.id);
  if (supervisor && supervisor.status !== 'approved') throw new AppError('RULE_VIOLATED', '主管单位审核未通过');

  const committee = input.committeeId ? await findCommittee(db, input.committeeId) : undefined;
  const confirming = committee?.confirming_bureau_id
    ? await db
        .selectFrom('hr_bureau')
        .select(['id', 'name'])
        .where('id', '=', committee.confirming_bureau_id)
        .executeTakeFirst()
    : undefined;
  const own =
    committee && confirming
      ? committeeStagesOf({ officeReview: committee.office_review, groupReview: committee.group_review })
      : [];
  const stages = routeStages(yunnanArchivesRoutes, input.kind, unit.level, supervisor !== undefined, own);
  const steps: RouteStep[] = [];
  for (const stage of stages) {
    switch (stage) {
      case 'unitReview':
        steps.push({ stage, holder: 'unit', orgId: unit.id, orgName: unit.name });
        break;
      case 'supervisorReview':
        steps.push({ stage, holder: 'supervisor', orgId: supervisor!.id, orgName: supervisor!.name });
        break;
      case 'countyBureauReview':
      case 'cityBureauReview':
      case 'provinceBureauReview': {
        const bureau = await hrBureauOfRegion(db, bureauRegion[stage](unit.region_code));
        if (!bureau) throw new AppError('RULE_VIOLATED', '查找人社局失败');
        steps.push({ stage, holder: stageHolders[stage] as 'hrBureau', orgId: bureau.id, orgName: bureau.name });
        break;
      }
      case 'committeeCheck':
      case 'officeReview':
      case 'groupReview':
      case 'meeting':
      case 'publicNotice':
        if (!committee) throw new AppError('RULE_VIOLATED', '请选择评委会');
        steps.push({ stage, holder: 'committee', orgId: committee.id, orgName: committee.name });
        break;
      case 'confirmation':
        steps.push({ stage, holder: 'hrBureau', orgId: confirming!.id, orgName: confirming!.name });
        break;
    }
  }
  return steps;
}
