import {
  committeeStagesOf,
  routeStages,
  stageHolders,
  yunnanArchivesRoutes,
  type RouteStep,
  type ReviewStage,
} from '#common';
import type { ScaleWorld } from './scale-world';

/**
 * Each unit's route, as `computeRoute` would build it at submission (the same rules from common/),
 * from the world's organisations instead of queries: the seed submits a million applications without
 * asking the database who holds each stage.
 */
export function unitRoutes(world: ScaleWorld): Map<number, RouteStep[]> {
  const bureauOf = new Map(
    world.desks.filter((d) => d.holder === 'hrBureau').map((d) => [d.regionCode!, { id: d.orgId, name: d.orgName }]),
  );
  const supervisorOf = new Map(world.desks.filter((d) => d.holder === 'supervisor').map((d) => [d.orgId, d.orgName]));
  const committee = world.desks.find((d) => d.holder === 'committee')!;
  const province = bureauOf.get('530000')!;
  const own = committeeStagesOf({ officeReview: true, groupReview: true });
  const routes = new Map<number, RouteStep[]>();
  for (const unit of world.units) {
    const bureauRegion: Partial<Record<ReviewStage, string>> = {
      countyBureauReview: unit.regionCode,
      cityBureauReview: `${unit.regionCode.slice(0, 4)}00`,
      provinceBureauReview: '530000',
    };
    const stages = routeStages(yunnanArchivesRoutes, 'evaluation', unit.level, true, own);
    routes.set(
      unit.id,
      stages.map((stage): RouteStep => {
        const holder = stageHolders[stage];
        if (stage === 'unitReview') return { stage, holder: 'unit', orgId: unit.id, orgName: unit.name };
        if (stage === 'supervisorReview') {
          return {
            stage,
            holder: 'supervisor',
            orgId: unit.supervisorId,
            orgName: supervisorOf.get(unit.supervisorId)!,
          };
        }
        if (stage === 'confirmation') return { stage, holder: 'hrBureau', orgId: province.id, orgName: province.name };
        const region = bureauRegion[stage];
        if (region) {
          const bureau = bureauOf.get(region)!;
          return { stage, holder: holder as 'hrBureau', orgId: bureau.id, orgName: bureau.name };
        }
        return { stage, holder: 'committee', orgId: committee.orgId, orgName: committee.orgName };
      }),
    );
  }
  return routes;
}
