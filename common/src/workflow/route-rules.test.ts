import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routeRulesMarkdown } from './route-doc';
import { committeeStagesOf, routeStages, yunnanArchivesRoutes } from './route-rules';

describe('route rules', () => {
  it('give each unit level its route, skipping the supervisor when there is none', () => {
    expect(routeStages(yunnanArchivesRoutes, 'evaluation', 'county', true)).toEqual([
      'unitReview',
      'supervisorReview',
      'countyBureauReview',
      'cityBureauReview',
      'committeeCheck',
      'officeReview',
      'groupReview',
      'meeting',
      'publicNotice',
      'confirmation',
    ]);
    // A committee without a 评审结果确认部门 reviews outside the system: the route ends at its check.
    expect(routeStages(yunnanArchivesRoutes, 'evaluation', 'county', false, [])).toEqual([
      'unitReview',
      'countyBureauReview',
      'cityBureauReview',
      'committeeCheck',
    ]);
    expect(routeStages(yunnanArchivesRoutes, 'evaluation', 'province', false, [])).toEqual([
      'unitReview',
      'provinceBureauReview',
      'committeeCheck',
    ]);
    expect(routeStages(yunnanArchivesRoutes, 'assessment', 'city', true, [])).toEqual([
      'unitReview',
      'supervisorReview',
      'cityBureauReview',
    ]);
  });

  it('leave out the checks a committee does not hold, never its meeting, 公示 or 确认', () => {
    const own = committeeStagesOf({ officeReview: false, groupReview: true });
    expect(routeStages(yunnanArchivesRoutes, 'evaluation', 'city', false, own)).toEqual([
      'unitReview',
      'cityBureauReview',
      'committeeCheck',
      'groupReview',
      'meeting',
      'publicNotice',
      'confirmation',
    ]);
    expect(committeeStagesOf({ officeReview: false, groupReview: false })).toEqual([
      'meeting',
      'publicNotice',
      'confirmation',
    ]);
  });

  it('are shown as they are on docs/review-routes.md (npm run docs:routes)', () => {
    expect(readFileSync('docs/review-routes.md', 'utf8')).toBe(routeRulesMarkdown(yunnanArchivesRoutes));
  });
});
